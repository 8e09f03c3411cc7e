// Office tab 预警: the warnings and vetoes of the latest snapshot, filtered by peer group (server), kind, indicator
// and "new only" (here), sorted by column (new ones first until a column is chosen) and paged; each one the previous
// snapshot lacked is marked 新 before its unit (the server compares the two days). A day has at most a few findings
// per unit, so one answer is filtered and paged here.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var KINDS = ['VETO', 'WARNING'];
    var wn = {rows: [], names: {}, sortKey: 'new', sortDir: 1, page: 0, seq: 0};

    O.register('warnings', {
        wire: function () {
            E.enumOptions($('wn-group'), 'PeerGroup');
            KINDS.forEach(function (k) {
                $('wn-kind').appendChild(el('option', {value: k, text: E.label('FindingKind', k)}));
            });
            $('wn-group').addEventListener('change', loadWarnings);
            $('wn-vetoes').addEventListener('change', function () {
                if (!this.checked && $('wn-kind').value === 'VETO') {
                    $('wn-kind').value = '';
                }
                loadWarnings();
            });
            $('wn-kind').addEventListener('change', function () {
                // Vetoes are only in the answer when asked for: choosing them asks.
                if (this.value === 'VETO' && !$('wn-vetoes').checked) {
                    $('wn-vetoes').checked = true;
                    loadWarnings();
                    return;
                }
                wn.page = 0;
                render();
            });
            $('wn-indicator').addEventListener('change', function () { wn.page = 0; render(); });
            $('wn-new-only').addEventListener('change', function () { wn.page = 0; render(); });
            $('wn-issue-vetoed').addEventListener('click', function () { O.issueVetoed(null, 'wn-message'); });
        },
        show: loadWarnings
    });

    function loadWarnings() {
        var q = '?includeVetoes=' + $('wn-vetoes').checked + ($('wn-group').value ? '&group=' + $('wn-group').value : '');
        var seq = ++wn.seq;
        Promise.all([E.api('/api/warnings' + q), O.indicatorNames()]).then(function (r) {
            if (seq !== wn.seq) {
                return;
            }
            wn.rows = r[0];
            wn.names = r[1];
            wn.page = 0;
            indicatorOptions();
            render();
            O.ready('warnings');
        }).catch(function (e) {
            E.showError($('wn-table'), e.status === 404 ? '尚无评分快照。' : e);
            O.ready('warnings');
        });
    }

    function indicatorName(id) {
        return wn.names[id] || id;
    }

    /** The indicator filter lists the indicators that have findings now; a choice that still has some is kept. */
    function indicatorOptions() {
        var select = $('wn-indicator');
        var kept = select.value;
        var ids = wn.rows.map(function (a) { return a.finding.indicator; })
            .filter(function (id, i, a) { return a.indexOf(id) === i; })
            .sort(function (a, b) { return compare(indicatorName(a), indicatorName(b)); });
        E.clear(select).appendChild(el('option', {value: '', text: '全部'}));
        ids.forEach(function (id) { select.appendChild(el('option', {value: id, text: indicatorName(id)})); });
        select.value = ids.indexOf(kept) >= 0 ? kept : '';
    }

    function compare(a, b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    // Sort keys: each gives a value to compare; ties fall back to unit, then indicator, so pages are stable.
    var KEYS = {
        'new': function (a) { return a.isNew ? 0 : 1; },
        unit: function (a) { return a.unitName; },
        group: function (a) { return a.peerGroup; },
        kind: function (a) { return KINDS.indexOf(a.finding.kind); },
        indicator: function (a) { return indicatorName(a.finding.indicator); }
    };

    function visible() {
        var kind = $('wn-kind').value, indicator = $('wn-indicator').value, newOnly = $('wn-new-only').checked;
        var key = KEYS[wn.sortKey], dir = wn.sortDir;
        return wn.rows.filter(function (a) {
            return (!kind || a.finding.kind === kind) && (!indicator || a.finding.indicator === indicator)
                && (!newOnly || a.isNew);
        }).sort(function (a, b) {
            return dir * compare(key(a), key(b)) || compare(KEYS.kind(a), KEYS.kind(b))
                || compare(a.unitName, b.unitName) || compare(KEYS.indicator(a), KEYS.indicator(b));
        });
    }

    function render() {
        var rows = visible();
        var fresh = wn.rows.filter(function (a) { return a.isNew; }).length;
        var previous = wn.rows.length ? wn.rows[0].previousDay : null;
        $('wn-new-count').textContent = !wn.rows.length ? '' : previous
            ? '较上一期（' + previous + '）新增 ' + fresh + ' 条' : '无上一期快照可比较';
        var pages = Math.ceil(rows.length / O.PAGE);
        wn.page = Math.min(wn.page, Math.max(pages - 1, 0));
        var page = rows.slice(wn.page * O.PAGE, (wn.page + 1) * O.PAGE);
        E.append(E.clear($('wn-table')), [E.table([
            {label: '单位', sortKey: 'unit', cell: function (a) {
                var link = el('a', {href: '#unit/' + encodeURIComponent(a.unitCode), text: a.unitName});
                return a.isNew ? [el('span', {class: 'new-mark', title: '上一期快照没有这一条', text: '新'}), ' ', link]
                    : link;
            }},
            {label: '同类组', sortKey: 'group', cell: function (a) { return E.label('PeerGroup', a.peerGroup); }},
            {label: '类型', sortKey: 'kind', cell: function (a) {
                return el('span', {class: a.finding.kind === 'VETO' ? 'veto-flag' : null,
                    text: E.label('FindingKind', a.finding.kind)});
            }},
            {label: '指标', sortKey: 'indicator', cell: function (a) { return indicatorName(a.finding.indicator); }},
            {label: '问题', class: 'wrap', cell: function (a) { return a.finding.message; }},
            {label: '观测', class: 'wrap', cell: function (a) { return a.finding.observed || ''; }},
            {label: '整改', cell: function (a) { return O.issueButton(a.unitCode, a.finding); }}
        ], page, {id: 'warnings-table', empty: wn.rows.length ? '没有符合条件的预警' : '没有预警',
            rowClass: function (a) { return a.isNew ? 'is-new' : null; },
            sortKey: wn.sortKey, sortDir: wn.sortDir, onSort: function (k) {
                wn.sortDir = wn.sortKey === k ? -wn.sortDir : 1;
                wn.sortKey = k;
                wn.page = 0;
                render();
            }}), E.pager(wn.page, pages, rows.length, function (p) { wn.page = p; render(); })]);
    }
}());
