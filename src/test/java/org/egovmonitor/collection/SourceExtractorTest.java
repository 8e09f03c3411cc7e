package org.egovmonitor.collection;

import java.util.List;
import java.util.Optional;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitKind;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourceExtractorTest {

    @Nested
    class Extraction {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
                <p>来源：池州市财政局</p>                                                   | 池州市财政局
                <p>信息来源:市统计局</p>                                                    | 市统计局
                <div>发布时间：2003-04-15　来源：市计委　点击：12</div>                        | 市计委
                <div>来源：市计委发布时间：2003-04-15</div>                                   | 市计委
                <p>【来源：市地税局】</p>                                                    | 市地税局
                <p>（稿件来源：池州日报）</p>                                                 | 池州日报
                <p>文章来源： 《池州日报》</p>                                                | 池州日报
                <p>发布机构：池州市人事局</p>                                                 | 池州市人事局
                <p>作者单位：东至县气象局 作者：张三</p>                                        | 东至县气象局
                <p>供稿单位：石台县扶贫移民局</p>                                              | 石台县扶贫移民局
                <table><tr><td>信息来源</td><td>市质监局</td></tr></table>                       | 市质监局
                <table><tr><td>来源：</td><td> 池州市劳动局 </td><td>日期</td></tr></table>        | 池州市劳动局
                <dl><dt>发布单位</dt><dd>市科技局</dd></dl>                                    | 市科技局
                <p>来源:市工商局｜作者:李四</p>                                                | 市工商局
                <p>近日，市财政局召开会议。</p>                                               | NONE
                <p>来源：</p>                                                                | NONE
                <p>来源：本站</p>                                                             | NONE
                """)
        void extract_generic_patterns(String html, String expected) {
            assertThat(SourceExtractor.extract(Jsoup.parse("<html><body><h1>标题</h1>" + html + "<p>正文。</p>"
                    + "</body></html>"))).isEqualTo(Optional.ofNullable(expected));
        }
    }

    @Nested
    class Mapping {

        private final SourceMapper mapper = new SourceMapper(List.of(
                unit("czs-czj", "池州市财政局", "财政局", "市财政局"),
                unit("czs-jw", "池州市发展计划委员会", "计委", "市计委"),
                unit("czs-zfb", "池州市人民政府办公室", "政府办"),
                unit("czs-zjj", "池州市质量技术监督局", "技术监督局", "质监局"),
                unit("czs-ldj", "池州市劳动和社会保障局", "劳动局"),
                unit("dzx-qxj", "东至县气象局", "东至气象局"),
                unit("czs-qxj", "池州市气象局", "气象局"),
                unit("czs-kjj", "池州市科学技术局", "科技局")), new ContributionSettings());

        @ParameterizedTest(name = "{0}")
        @CsvSource(nullValues = "NONE", textBlock = """
                池州市财政局,               czs-czj
                市财政局,                   czs-czj
                财政,                       czs-czj
                池州市财政,                 czs-czj
                市 财政局,                  czs-czj
                池州市计委,                 czs-jw
                池州市发展计划委员会,       czs-jw
                发展计划委,                 czs-jw
                池州市人民政府办,           czs-zfb
                人民政府办公室,             czs-zfb
                市质监局,                   czs-zjj
                池州市劳动局,               czs-ldj
                东至县气象局,               dzx-qxj
                市气象局,                   czs-qxj
                市科技局,                   czs-kjj
                新华社,                     NONE
                池州日报,                   NONE
                市委办,                     NONE
                """)
        void map_exactThenNormalised(String source, String expected) {
            assertThat(mapper.map(source)).isEqualTo(Optional.ofNullable(expected));
        }

        private static Unit unit(String code, String name, String... aliases) {
            return new Unit(code, name, UnitKind.DEPARTMENT, null, PeerGroup.DEPARTMENTS, List.of(aliases),
                    List.of(), false);
        }
    }
}
