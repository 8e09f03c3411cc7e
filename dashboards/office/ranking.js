// Office tab 排名: a peer group's ranking, filtered, sorted and paged on the server (a group may hold 15,000 units).
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var rk = {group: 'DEPARTMENTS', sortKey: 'rank', sortDir: 1, page: 0, seq: 0, timer: null};
    var indicatorNames = {};
    var loaded = false;

    O.register('ranking', {
        wire: function () {
            E.enumOptions($('rk-group'), 'PeerGroup');
            E.enumOptions($('rk-grade'), 'Grade');
            $('rk-group').addEventListener('change', function () { rk.group = this.value; rk.page = 0; loadRanking(); });
            $('rk-grade').addEventListener('change', function () { rk.page = 0; loadRanking(); });
            $('rk-search').addEventListener('input', function () {
                // One request when typing pauses, not one per keystroke.
                clearTimeout(rk.timer);
                rk.timer = setTimeout(function () { rk.page = 0; loadRanking(); }, 250);
            });
        },
        show: function () {
            if (!loaded) {
                loaded = true;
                loadRanking();
            }
        }
    });

    function rankingParams() {
        var params = new URLSearchParams({group: rk.group, sort: rk.sortKey, dir: rk.sortDir > 0 ? 'asc' : 'desc'});
        var q = $('rk-search').value.trim();
        if (q) {
            params.set('q', q);
        }
        if ($('rk-grade').value) {
            params.set('grade', $('rk-grade').value);
        }
        return params;
    }

    function loadRanking() {
        var params = rankingParams();
        $('rk-csv').setAttribute('href', '/api/rankings.csv?' + params);
        params.set('offset', rk.page * O.PAGE);
        params.set('limit', O.PAGE);
        // Answers may arrive out of order when the user types or pages quickly: only the newest is shown.
        var seq = ++rk.seq;
        Promise.all([E.api('/api/rankings?' + params), O.indicatorNames()]).then(function (r) {
            if (seq !== rk.seq) {
                return;
            }
            var table = r[0];
            indicatorNames = r[1];
            var pages = Math.ceil(table.units / O.PAGE);
            if (rk.page > 0 && rk.page >= pages) {
                rk.page = Math.max(pages - 1, 0);
                loadRanking();
                return;
            }
            $('rk-day').textContent = '评分日 ' + table.day;
            renderRanking(table, pages);
            O.ready('ranking');
        }).catch(function (e) {
            if (seq !== rk.seq) {
                return;
            }
            E.showError($('rk-table'), e.status === 404 ? '尚无评分快照。' : e);
            O.ready('ranking');
        });
    }

    function renderRanking(table, pages) {
        E.append(E.clear($('rk-table')), [E.table([
            {label: '名次', class: 'num', sortKey: 'rank', cell: function (r) { return r.rank || '—'; }},
            {label: '变化', sortKey: 'change', cell: function (r) { return r.rank ? E.rankChange(r.rankChange) : ''; }},
            {label: '单位', sortKey: 'name', cell: function (r) {
                return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), class: 'unit-link', text: r.unitName});
            }},
            {label: '得分', class: 'num', sortKey: 'total', cell: function (r) {
                // A 未评定 unit's points are no score: shown as none, never as 0.0.
                return r.grade === 'NOT_RATED' ? '—' : E.fmt(r.total, 1);
            }},
            {label: '等级', cell: function (r) {
                return [E.gradeBadge(r.grade, r.gradeLabel), r.vetoed ? el('span', {class: 'veto-flag', text: ' 否决'}) : null];
            }},
            {label: '瓶颈指标', cell: function (r) { return r.bottleneck ? (indicatorNames[r.bottleneck] || r.bottleneck) : ''; }},
            {label: '瓶颈失分', class: 'num', sortKey: 'shortfall', cell: function (r) { return E.fmt(r.bottleneckShortfall, 1); }},
            {label: '否决/预警', class: 'num', sortKey: 'warnings', cell: function (r) { return r.vetoCount + ' / ' + r.warningCount; }}
        ], table.rows, {id: 'ranking-table', sortKey: rk.sortKey, sortDir: rk.sortDir, onSort: function (k) {
            rk.sortDir = rk.sortKey === k ? -rk.sortDir : (k === 'rank' || k === 'name' ? 1 : -1);
            rk.sortKey = k;
            rk.page = 0;
            loadRanking();
        }}), E.pager(rk.page, pages, table.units, function (p) { rk.page = p; loadRanking(); })]);
    }
}());
