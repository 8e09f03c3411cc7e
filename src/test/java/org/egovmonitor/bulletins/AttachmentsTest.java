package org.egovmonitor.bulletins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "通报-月报-2024-06-01_2024-06-30.pdf | %E9%80%9A%E6%8A%A5-%E6%9C%88%E6%8A%A5-2024-06-01_2024-06-30.pdf",
            "a b;\"c\".docx                      | a%20b%3B%22c%22.docx",
            "x!#$&+-.^_`~y                       | x!#$&+-.^_`~y"})
    void rfc5987_percentEncodesAllButAttrChars(String name, String encoded) {
        assertThat(Attachments.rfc5987(name)).isEqualTo(encoded);
    }

    @Test
    void contentDisposition_asciiFallbackAndUtf8Name() {
        assertThat(Attachments.contentDisposition("notice-a b\".pdf", "整改通知书.pdf")).isEqualTo(
                "attachment; filename=\"notice-a_b_.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E9%80%9A%E7%9F%A5%E4%B9%A6.pdf");
    }
}
