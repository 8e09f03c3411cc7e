// Office tab 单位详情: one unit's scorecard, score history, sites and their latest crawl as read (hostile text).
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var listLoaded = false;

    O.register('unit', {
        wire: function () {
            $('unit-open').addEventListener('click', openTyped);
            $('unit-code').addEventListener('keydown', function (e) {
                if (e.key === 'Enter') {
                    openTyped();
                }
            });
            $('unit-code').setAttribute('placeholder', '输入或选择单位编码');
            noUnit();
        },
        show: function (arg) {
            loadUnitList();
            if (arg) {
                loadUnit(decodeURIComponent(arg));
            } else {
                noUnit();
            }
        }
    });

    function openTyped() {
        var code = $('unit-code').value.trim();
        if (code) {
            location.hash = 'unit/' + encodeURIComponent(code);
        }
    }

    /** The panels of one unit, hidden while none is open (the tab opened directly shows the picker only). */
    function panels() {
        return [$('unit-history').closest('.grid2'), $('unit-findings').closest('section')];
    }

    /**
     * No unit open: only the picker and its prompt; the unit's links lead nowhere yet, so they are no links (no
     * href) and say they are disabled.
     */
    function noUnit() {
        ['unit-csv', 'unit-dept'].forEach(function (id) {
            $(id).removeAttribute('href');
            $(id).setAttribute('aria-disabled', 'true');
            $(id).classList.add('disabled');
        });
        panels().forEach(function (p) { p.hidden = true; });
        E.append(E.clear($('unit-head')), el('p', {class: 'muted', id: 'unit-prompt',
            text: '请选择单位：在排名、瓶颈矩阵或预警中点击单位名称，或在上方输入单位编码后点击“查看”。'}));
        E.clear($('unit-findings'));
        E.clear($('unit-sites'));
    }

    function loadUnitList() {
        if (listLoaded) {
            return;
        }
        listLoaded = true;
        E.api('/api/units').then(function (units) {
            var list = $('unit-list');
            units.slice(0, 2000).forEach(function (u) { list.appendChild(el('option', {value: u.code, text: u.name})); });
        }).catch(function () { return null; });
    }

    function loadUnit(code) {
        $('unit-code').value = code;
        var path = '/api/units/' + encodeURIComponent(code);
        $('unit-csv').setAttribute('href', path + '/findings.csv');
        $('unit-dept').setAttribute('href', '/department.html?unit=' + encodeURIComponent(code));
        ['unit-csv', 'unit-dept'].forEach(function (id) {
            $(id).removeAttribute('aria-disabled');
            $(id).classList.remove('disabled');
        });
        panels().forEach(function (p) { p.hidden = false; });
        E.append(E.clear($('unit-head')), el('p', {class: 'muted', text: '正在读取…'}));
        E.clear($('unit-findings'));
        E.clear($('unit-sites'));
        E.api(path + '/scorecard').then(function (card) {
            var parts = E.scorecard(card);
            E.append(E.clear($('unit-head')), parts.head.concat([parts.indicators]));
            var items = E.findingList($('unit-findings'), card.score.findings, parts.indicatorName).children;
            card.score.findings.forEach(function (f, i) {
                items[i].appendChild(el('p', {class: 'no-print'}, O.issueButton(code, f)));
            });
            // A wording finding may be a false positive of a word list: the office dismisses it (误报).
            E.indicatorRuleTypes().then(function (types) {
                card.score.findings.forEach(function (f, i) {
                    if (types[f.indicator] === 'WORDING') {
                        items[i].lastChild.appendChild(E.dismissButton(code, f));
                    }
                });
            });
        }).catch(function (e) { E.showError($('unit-head'), e); });
        E.api(path + '/history').then(function (points) { E.historyChart('unit-history', points); })
            .catch(function () { return null; });
        E.api(path).then(function (detail) {
            var box = $('unit-sites');
            E.append(box, E.table([
                {label: '网站', cell: function (s) { return s.name; }},
                {label: '网址', class: 'wrap', cell: function (s) {
                    return el('a', {href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.url});
                }},
                {label: '监测', cell: function (s) { return s.monitored ? '是' : '否'; }}
            ], detail.sites, {empty: '没有登记网站'}));
            var node = E.label('NodeStatus', detail.node ? detail.node.status : 'NOT_CONNECTED');
            E.append(box, el('p', {class: 'muted', text: '政务网：' + node + '　联络员：'
                + (detail.liaison ? detail.liaison.name : '未登记')}));
            detail.sites.forEach(function (site) { crawlDetails(site, box); });
        }).catch(function (e) { E.showError($('unit-sites'), e); });
        // the office's tools on the unit (re-crawl now, availability): office/recrawl.js
        if (O.unitLoaded) {
            O.unitLoaded(code);
        }
    }

    O.loadUnit = loadUnit;

    /** The latest measurement of a site with its sections and homepage items as crawled (hostile text). */
    function crawlDetails(site, box) {
        E.api('/api/sites/' + site.id + '/measurements/latest').then(function (stored) {
            var m = stored.measurement;
            var home = m.homepage || {entries: []};
            E.append(box, el('div', {class: 'crawl', id: 'crawl-' + site.id}, [
                el('h3', {text: '最近抓取：' + site.name + '（' + E.date(stored.measuredAt) + '）'}),
                el('p', {class: 'muted', text: (m.reachable ? 'HTTP ' + m.status
                        : '无法访问 ' + (m.errorKind ? E.label('FetchErrorKind', m.errorKind) : ''))
                    + ' · ' + m.responseMs + ' ms · 抓取 ' + m.pagesFetched + ' 页 · 首页最新信息 '
                    + (home.newestDate || '无') + ' · 失效链接 ' + (m.brokenLinks || []).length
                    + ((m.missingFamilies || []).length ? ' · 缺少栏目：' + m.missingFamilies.map(function (f) {
                        return E.label('SectionFamily', f);
                    }).join('、') : '')}),
                E.sectionTree(m.sections || []),
                el('h3', {text: '首页信息条目'}),
                E.table([
                    {label: '标题（抓取原文）', class: 'crawl-title', cell: function (x) { return x.title || ''; }},
                    {label: '日期', cell: function (x) { return x.date || '—'; }}
                ], (home.entries || []).slice(0, 15), {class: 'crawl-entries', empty: '首页没有信息条目'})]));
            O.ready('crawl');
        }).catch(function () { return null; });
    }
}());
