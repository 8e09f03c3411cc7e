// Office tab 自报审核: pending self-reports and liaison changes, approved or sent back with a comment.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    O.register('reviews', {show: loadReviews});

    // Unit names by code: the queues name units as people know them, the code in small type after.
    function unitNames() {
        return E.api('/api/units').then(function (list) {
            var byCode = {};
            list.forEach(function (u) { byCode[u.code] = u.name; });
            return byCode;
        }).catch(function () { return {}; });
    }

    function unitCell(byCode) {
        return function (r) {
            return byCode[r.unitCode] ? el('span', null, [byCode[r.unitCode],
                el('span', {class: 'unit-code', text: r.unitCode})]) : r.unitCode;
        };
    }

    function reviewCell(base, reload) {
        return function (x) {
            var comment = el('input', {type: 'text', placeholder: '审核意见（退回必填）', 'aria-label': '审核意见',
                maxlength: 500});
            function decide(action) {
                E.post(base + x.id + '/' + action, {comment: comment.value || null}).then(function () {
                    reload();
                    if (action === 'approve') {
                        return rescored(x.unitCode);
                    }
                }).catch(function (e) { window.alert(e.message); });
            }
            var ok = el('button', {type: 'button', class: 'primary approve', text: '通过'});
            var no = el('button', {type: 'button', class: 'danger reject', text: '退回'});
            ok.addEventListener('click', function () { decide('approve'); });
            no.addEventListener('click', function () { decide('reject'); });
            return el('div', {class: 'review-actions'}, [comment, ok, no]);
        };
    }

    /** An approval re-scores the unit at once: say so, with the unit's score as it now stands. */
    function rescored(code) {
        var box = $('rv-rescored');
        return E.api('/api/units/' + encodeURIComponent(code) + '/scorecard').then(function (card) {
            E.append(E.clear(box), el('p', {class: 'message ok', id: 'rv-rescored-text',
                text: '已按新数据重新评分：' + card.score.unitName + ' ' + card.day + ' 得分 '
                    + E.fmt(card.score.total, 1) + '（' + card.gradeLabel + '）'}));
        }).catch(function () {
            E.append(E.clear(box), el('p', {class: 'message info', id: 'rv-rescored-text',
                text: '已按新数据重新评分，尚无该单位的评分快照。'}));
        });
    }

    function loadReviews() {
        unitNames().then(function (byCode) { showQueues(byCode); });
    }

    function showQueues(byCode) {
        E.api('/api/self-reports?status=PENDING').then(function (rows) {
            E.append(E.clear($('rv-reports')), E.table([
                {label: '单位', cell: unitCell(byCode)},
                {label: '填报日期', cell: function (r) { return r.reportDate; }},
                {label: '局域网', cell: function (r) { return r.lanPresent ? '有' : '无'; }},
                {label: '计算机/联网/人数', cell: function (r) { return r.computers + ' / ' + r.networkedComputers + ' / ' + r.staff; }},
                {label: 'OA', cell: function (r) { return r.oaInUse ? '是' : '否'; }},
                {label: '说明', class: 'wrap', cell: function (r) { return r.note || ''; }},
                {label: '提交', cell: function (r) { return (r.submittedBy || '') + ' ' + E.date(r.submittedAt); }},
                {label: '审核', cell: reviewCell('/api/self-reports/', loadReviews)}
            ], rows, {id: 'review-reports', empty: '没有待审核的自报'}));
            O.ready('reviews');
        }).catch(function (e) { E.showError($('rv-reports'), e); });
        E.api('/api/liaison-requests?status=PENDING').then(function (rows) {
            E.append(E.clear($('rv-liaisons')), E.table([
                {label: '单位', cell: unitCell(byCode)},
                {label: '新联络员', cell: function (r) { return r.name + ' ' + (r.phone || ''); }},
                {label: '起始', cell: function (r) { return r.since; }},
                {label: '原因', class: 'wrap', cell: function (r) { return r.reason || ''; }},
                {label: '审核', cell: reviewCell('/api/liaison-requests/', loadReviews)}
            ], rows, {id: 'review-liaisons', empty: '没有待审核的变更'}));
        }).catch(function (e) { E.showError($('rv-liaisons'), e); });
    }
}());
