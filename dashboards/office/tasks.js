// Office tab 整改任务: rectification tasks of every unit (status, overdue, the re-check's progress, the timeline),
// issuing to all vetoed units at once, and the appeals (申诉) to accept or reject. Also gives the warnings and unit
// tabs their "下发整改" button (E.office.issueButton).
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var DEFAULT_DAYS = 7;

    O.register('tasks', {
        wire: function () {
            E.enumOptions($('tk-status'), 'TaskStatus');
            $('tk-deadline').value = defaultDeadline();
            $('tk-status').addEventListener('change', loadTasks);
            $('tk-overdue').addEventListener('change', loadTasks);
            $('tk-vetoed').addEventListener('click', function () { issueVetoed($('tk-deadline').value, 'tk-message'); });
        },
        show: function () {
            loadTasks();
            loadAppeals();
        }
    });

    /** Today plus a week, as the deadline a button issues with (the tab's field changes it). */
    function defaultDeadline() {
        var field = $('tk-deadline');
        if (field && field.value) {
            return field.value;
        }
        var d = new Date(Date.now() + DEFAULT_DAYS * 86400000);
        return d.toISOString().slice(0, 10);
    }

    function issued(result) {
        return '已下发 ' + result.issued.length + ' 项' + (result.alreadyOpen.length
            ? '，' + result.alreadyOpen.length + ' 项已有未销号任务' : '');
    }

    /** A button that issues a task for one finding of a unit's latest snapshot; says the outcome in its place. */
    function issueButton(unitCode, f) {
        var button = el('button', {type: 'button', class: 'issue-task', text: '下发整改'});
        button.addEventListener('click', function () {
            button.disabled = true;
            E.post('/api/rectification/tasks', {
                findings: [{unitCode: unitCode, indicator: f.indicator, kind: f.kind, siteUrl: f.siteUrl || null,
                    evidenceUrl: (f.evidence || {}).url || null}],
                deadline: defaultDeadline()
            }).then(function (r) {
                button.replaceWith(el('span', {class: 'issued-note', text: issued(r)}));
            }).catch(function (e) {
                button.disabled = false;
                window.alert(e.message);
            });
        });
        return button;
    }

    /** Issues a task for every veto of every vetoed unit; the outcome goes to the message element {@code messageId}. */
    function issueVetoed(deadline, messageId) {
        E.post('/api/rectification/tasks/vetoed', {deadline: deadline || defaultDeadline()}).then(function (r) {
            E.say(messageId, issued(r), 'ok');
            if (messageId === 'tk-message') {
                loadTasks();
            }
        }).catch(function (e) { E.say(messageId, e.message, 'error'); });
    }

    function evidence(t) {
        return [t.evidenceUrl ? el('a', {href: t.evidenceUrl, target: '_blank', rel: 'noopener noreferrer nofollow',
            class: 'evidence-link', text: t.evidenceUrl}) : null,
            t.evidenceDate ? el('span', {class: 'muted', text: ' 日期 ' + t.evidenceDate}) : null,
            t.httpStatus ? el('span', {class: 'muted', text: ' HTTP ' + t.httpStatus}) : null];
    }

    function statusCell(t) {
        var recheck = t.status === 'RECHECKING' && t.recheckTotal
            ? '（复查进度 ' + (t.recheckDone || 0) + '/' + t.recheckTotal + '）' : '';
        return el('span', null, [el('span', {class: 'task-status status-' + t.status,
            text: E.label('TaskStatus', t.status) + recheck}),
            t.overdue ? el('span', {class: 'veto-flag overdue-flag', text: ' 已逾期'}) : null]);
    }

    function loadTasks() {
        var q = [];
        if ($('tk-status').value) {
            q.push('status=' + $('tk-status').value);
        }
        if ($('tk-overdue').checked) {
            q.push('overdue=true');
        }
        var query = q.length ? '?' + q.join('&') : '';
        $('tk-csv').setAttribute('href', '/api/rectification/tasks.csv' + query);
        E.api('/api/rectification/tasks' + query).then(function (tasks) {
            E.append(E.clear($('tk-table')), E.table([
                {label: '编号', class: 'num', cell: function (t) { return String(t.id); }},
                {label: '单位', cell: function (t) {
                    return el('a', {href: '#unit/' + encodeURIComponent(t.unitCode), text: t.unitName});
                }},
                {label: '指标', cell: function (t) { return t.indicatorName; }},
                {label: '类型', cell: function (t) { return E.label('FindingKind', t.findingKind); }},
                {label: '问题', class: 'wrap', cell: function (t) { return t.message; }},
                {label: '证据', class: 'wrap', cell: function (t) { return el('span', null, evidence(t)); }},
                {label: '期限', cell: function (t) { return t.deadline; }},
                {label: '状态', cell: statusCell},
                {label: '单位答复', class: 'wrap', cell: function (t) { return t.reply || ''; }},
                {label: '过程', cell: function (t) {
                    var b = el('button', {type: 'button', class: 'show-timeline', text: '查看'});
                    b.addEventListener('click', function () {
                        $('tk-timeline-title').textContent = '任务 ' + t.id + ' 的过程：' + t.unitName + ' · ' + t.indicatorName;
                        E.taskTimeline('/api/rectification/tasks/' + t.id + '/timeline', $('tk-timeline'));
                    });
                    return b;
                }}
            ], tasks, {id: 'tasks-table', empty: '没有整改任务',
                rowClass: function (t) { return t.overdue ? 'overdue' : null; }}));
            O.ready('tasks');
        }).catch(function (e) { E.showError($('tk-table'), e); });
    }

    function loadAppeals() {
        E.api('/api/rectification/appeals').then(function (appeals) {
            E.append(E.clear($('tk-appeals')), E.table([
                {label: '编号', class: 'num', cell: function (a) { return String(a.id); }},
                {label: '单位', cell: function (a) { return a.unitName; }},
                {label: '问题', class: 'wrap', cell: function (a) { return a.message; }},
                {label: '申诉理由', class: 'wrap', cell: function (a) { return a.reason; }},
                {label: '提交', cell: function (a) { return (a.submittedBy || '') + ' ' + E.date(a.submittedAt); }},
                {label: '审核', cell: function (a) {
                    if (a.status !== 'PENDING') {
                        return el('span', {class: 'status-' + a.status, text: E.label('ReviewStatus', a.status)
                            + (a.reviewComment ? '：' + a.reviewComment : '')});
                    }
                    var comment = el('input', {type: 'text', placeholder: '审核意见（驳回必填）', 'aria-label': '审核意见',
                        maxlength: 500});
                    function decide(action) {
                        E.post('/api/rectification/appeals/' + a.id + '/' + action, {comment: comment.value || null})
                            .then(function () { loadAppeals(); loadTasks(); })
                            .catch(function (e) { window.alert(e.message); });
                    }
                    var ok = el('button', {type: 'button', class: 'primary approve', text: '采纳'});
                    var no = el('button', {type: 'button', class: 'danger reject', text: '驳回'});
                    ok.addEventListener('click', function () { decide('accept'); });
                    no.addEventListener('click', function () { decide('reject'); });
                    return el('div', {class: 'review-actions'}, [comment, ok, no]);
                }}
            ], appeals, {id: 'appeals-table', empty: '没有申诉'}));
        }).catch(function (e) { E.showError($('tk-appeals'), e); });
    }

    O.issueButton = issueButton;
    O.issueVetoed = issueVetoed;
}());
