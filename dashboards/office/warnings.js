// Office tab 预警: the warnings and vetoes of the latest snapshot, by peer group.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    O.register('warnings', {
        wire: function () {
            E.enumOptions($('wn-group'), 'PeerGroup');
            $('wn-group').addEventListener('change', loadWarnings);
            $('wn-vetoes').addEventListener('change', loadWarnings);
            $('wn-issue-vetoed').addEventListener('click', function () { O.issueVetoed(null, 'wn-message'); });
        },
        show: loadWarnings
    });

    function loadWarnings() {
        var q = '?includeVetoes=' + $('wn-vetoes').checked + ($('wn-group').value ? '&group=' + $('wn-group').value : '');
        Promise.all([E.api('/api/warnings' + q), O.indicatorNames()]).then(function (r) {
            var indicatorNames = r[1];
            E.append(E.clear($('wn-table')), E.table([
                {label: '单位', cell: function (a) { return el('a', {href: '#unit/' + encodeURIComponent(a.unitCode), text: a.unitName}); }},
                {label: '同类组', cell: function (a) { return E.label('PeerGroup', a.peerGroup); }},
                {label: '类型', cell: function (a) {
                    return el('span', {class: a.finding.kind === 'VETO' ? 'veto-flag' : null,
                        text: E.label('FindingKind', a.finding.kind)});
                }},
                {label: '指标', cell: function (a) { return indicatorNames[a.finding.indicator] || a.finding.indicator; }},
                {label: '问题', class: 'wrap', cell: function (a) { return a.finding.message; }},
                {label: '观测', class: 'wrap', cell: function (a) { return a.finding.observed || ''; }},
                {label: '整改', cell: function (a) { return O.issueButton(a.unitCode, a.finding); }}
            ], r[0], {id: 'warnings-table', empty: '没有预警'}));
            O.ready('warnings');
        }).catch(function (e) { E.showError($('wn-table'), e.status === 404 ? '尚无评分快照。' : e); });
    }
}());
