// Office tab 网站可用性: every monitored site's homepage probes over 1, 7 or 30 days — availability, probes, the
// newest failure with its error kind, the average response time — sorted, filtered and paged here. The same figures
// of one unit's sites are drawn in 单位详情 by E.office.availabilityTable.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var st = {rows: [], sortKey: 'uptime', sortDir: 1, page: 0, seq: 0};

    /** Availability in percent (null without probes). */
    function uptime(a) {
        return a.failureShare === null || a.failureShare === undefined ? null : (1 - a.failureShare) * 100;
    }

    function uptimeText(a) {
        var u = uptime(a);
        return u === null ? '未探测' : E.fmt(u, 1) + '%';
    }

    /** The newest failure: when, and why in words (its error kind's label, or the HTTP status it answered). */
    function lastFailure(a) {
        if (!a.lastFailureAt) {
            return a.probes ? '无故障' : '—';
        }
        var why = a.lastErrorKind ? E.label('FetchErrorKind', a.lastErrorKind)
            : a.lastFailureStatus ? 'HTTP ' + a.lastFailureStatus : '无法访问';
        return [el('span', {text: E.date(a.lastFailureAt)}), el('span', {class: 'av-error', text: ' ' + why})];
    }

    function responseText(a) {
        return a.avgResponseMs === null || a.avgResponseMs === undefined ? '—' : a.avgResponseMs + ' 毫秒';
    }

    /** The columns both tables share; the office tab adds the unit in front. */
    function siteColumns(sortable) {
        return [
            {label: '网站', class: 'wrap', sortKey: sortable && 'site', cell: function (a) {
                return [el('div', {text: a.siteName}), el('a', {href: a.url, target: '_blank', class: 'muted av-url',
                    rel: 'noopener noreferrer nofollow', text: a.url})];
            }},
            {label: '可用率', class: 'num', sortKey: sortable && 'uptime', cell: function (a) {
                var u = uptime(a);
                return el('span', {class: 'av-uptime' + (u !== null && u < 95 ? ' av-low' : ''), text: uptimeText(a)});
            }},
            {label: '探测次数', class: 'num', sortKey: sortable && 'probes', cell: function (a) { return a.probes; }},
            {label: '失败次数', class: 'num', sortKey: sortable && 'failures', cell: function (a) { return a.failures; }},
            {label: '最近一次故障', sortKey: sortable && 'lastFailure', cell: lastFailure},
            {label: '平均响应', class: 'num', sortKey: sortable && 'response', cell: responseText}
        ];
    }

    /** One unit's sites (单位详情), into box. */
    function availabilityTable(box, unitCode) {
        return E.api('/api/availability?days=7&unit=' + encodeURIComponent(unitCode)).then(function (rows) {
            E.append(E.clear(box), [el('h3', {text: '网站可用性（近 7 天首页探测）'}),
                E.table(siteColumns(false), rows, {class: 'unit-availability', empty: '没有受监测的网站'})]);
        }).catch(function (e) { E.showError(box, e); });
    }

    O.availabilityTable = availabilityTable;

    O.register('availability', {
        wire: function () {
            $('av-days').addEventListener('change', load);
            $('av-search').addEventListener('input', function () { st.page = 0; render(); });
            $('av-down').addEventListener('change', function () { st.page = 0; render(); });
        },
        show: function () {
            load();
        }
    });

    function load() {
        var seq = ++st.seq;
        E.api('/api/availability?days=' + encodeURIComponent($('av-days').value)).then(function (rows) {
            if (seq !== st.seq) {
                return;
            }
            st.rows = rows;
            render();
            O.ready('availability');
        }).catch(function (e) {
            E.showError($('av-table'), e);
            O.ready('availability');
        });
    }

    var SORT = {
        unit: function (a) { return a.unitName; },
        site: function (a) { return a.siteName; },
        uptime: function (a) { var u = uptime(a); return u === null ? 1000 : u; },
        probes: function (a) { return a.probes; },
        failures: function (a) { return a.failures; },
        lastFailure: function (a) { return a.lastFailureAt || ''; },
        response: function (a) { return a.avgResponseMs === null ? -1 : a.avgResponseMs; }
    };

    function render() {
        var q = $('av-search').value.trim();
        var downOnly = $('av-down').checked;
        var rows = st.rows.filter(function (a) {
            return (!downOnly || a.failures > 0) && (!q || a.unitName.indexOf(q) >= 0 || a.siteName.indexOf(q) >= 0
                || a.url.indexOf(q) >= 0 || a.unitCode.indexOf(q) >= 0);
        });
        var key = SORT[st.sortKey];
        rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var d = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
            return d !== 0 ? d * st.sortDir : a.siteId - b.siteId;
        });
        var probed = st.rows.filter(function (a) { return a.probes > 0; });
        var down = st.rows.filter(function (a) { return a.failures > 0; });
        $('av-summary').textContent = '受监测网站 ' + st.rows.length + ' 个，其中有探测记录 ' + probed.length
            + ' 个，出现过故障 ' + down.length + ' 个。可用率 = 首页探测成功次数 ÷ 探测次数。';
        var pages = Math.ceil(rows.length / O.PAGE);
        st.page = Math.min(st.page, Math.max(pages - 1, 0));
        var columns = [{label: '单位', sortKey: 'unit', cell: function (a) {
            return el('a', {href: '#unit/' + encodeURIComponent(a.unitCode), class: 'unit-link', text: a.unitName});
        }}].concat(siteColumns(true));
        E.append(E.clear($('av-table')), [E.table(columns, rows.slice(st.page * O.PAGE, (st.page + 1) * O.PAGE), {
            id: 'availability-table', empty: '没有符合条件的网站', sortKey: st.sortKey, sortDir: st.sortDir,
            onSort: function (k) {
                st.sortDir = st.sortKey === k ? -st.sortDir
                    : (k === 'failures' || k === 'lastFailure' || k === 'response' ? -1 : 1);
                st.sortKey = k;
                st.page = 0;
                render();
            }}), E.pager(st.page, pages, rows.length, function (p) { st.page = p; render(); })]);
    }
}());
