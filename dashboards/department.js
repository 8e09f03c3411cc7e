// Department dashboard: the unit's own scorecard, findings with evidence and fix hints, history, warnings, and its
// self-report and liaison forms. A department account sees its own unit only (the API enforces it); the office may
// open any unit with ?unit=CODE.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$;
    var code;

    E.chartDefaults();
    E.start('本单位评估', ['DEPARTMENT', 'OFFICE']).then(function (me) {
        code = me.role === 'DEPARTMENT' ? me.unitCode : new URLSearchParams(location.search).get('unit');
        if (!code) {
            E.showError($('scorecard'), '未指定单位');
            return;
        }
        $('findings-csv').setAttribute('href', '/api/units/' + encodeURIComponent(code) + '/findings.csv');
        $('notice-docx').setAttribute('href', '/api/units/' + encodeURIComponent(code) + '/notice.docx');
        $('notice-pdf').setAttribute('href', '/api/units/' + encodeURIComponent(code) + '/notice.pdf');
        E.constants('SystemInUse').forEach(function (s) {
            $('sr-systems').appendChild(el('label', null, [el('input', {type: 'checkbox', value: s.id,
                class: 'sr-system'}), ' ' + s.label]));
        });
        $('sr-date').value = new Date().toISOString().slice(0, 10);
        $('li-since').value = new Date().toISOString().slice(0, 10);
        $('self-report-form').addEventListener('submit', submitSelfReport);
        $('liaison-form').addEventListener('submit', submitLiaison);
        loadScorecard();
        loadSiteColumns();
        loadHistory();
        loadSelfReports();
        loadLiaison();
        $('tasks-csv').setAttribute('href', unitPath('/rectification/tasks.csv'));
        loadTasks();
    }).catch(function (e) { E.showError($('scorecard'), e); });

    function unitPath(suffix) {
        return '/api/units/' + encodeURIComponent(code) + suffix;
    }

    function loadScorecard() {
        E.api(unitPath('/scorecard')).then(function (card) {
            var s = card.score;
            var parts = E.scorecard(card);
            E.append(E.clear($('scorecard')), parts.head);
            E.append(E.clear($('indicators')), parts.indicators);
            E.findingList($('findings'), s.findings.filter(function (f) { return f.kind !== 'WARNING'; }),
                parts.indicatorName);
            var warnings = s.findings.filter(function (f) { return f.kind === 'WARNING' || f.kind === 'VETO'; });
            var w = E.clear($('warnings'));
            if (!warnings.length) {
                w.appendChild(el('p', {class: 'message ok', text: '目前没有预警或否决项。'}));
            } else {
                w.appendChild(el('ul', {class: 'findings'}, warnings.map(function (f) {
                    return E.finding(f, parts.indicatorName(f.indicator));
                })));
            }
            loadRanking(s.peerGroup, s.unitCode, card.rank);
            E.markReady('data-ready');
        }).catch(function (e) {
            E.showError($('scorecard'), e.status === 404 ? '本单位尚无评分结果（等待首次评分）。' : e);
            document.body.setAttribute('data-ready', 'error');
        });
    }

    // What the crawler read on the unit's own sites: sections and their sub-columns (the tree the office sees).
    function loadSiteColumns() {
        E.api(unitPath('/measurements/latest')).then(function (sites) {
            var box = $('site-columns');
            E.clear(box);
            if (!sites.length) {
                box.appendChild(el('p', {class: 'muted', text: '本单位没有登记网站'}));
            }
            sites.forEach(function (s) {
                var m = s.measurement;
                var head = el('h3', {text: s.siteName + '（' + s.siteUrl + '）'});
                if (!m) {
                    E.append(box, [head, el('p', {class: 'muted', text: '尚未抓取'})]);
                    return;
                }
                E.append(box, el('div', {class: 'crawl', id: 'site-columns-' + s.siteId}, [
                    head,
                    el('p', {class: 'muted', text: '抓取时间 ' + E.date(s.measuredAt) + ' · '
                        + (m.reachable ? 'HTTP ' + m.status : '无法访问 ' + E.label('FetchErrorKind', m.errorKind || ''))
                        + ((m.missingFamilies || []).length ? ' · 缺少栏目：' + m.missingFamilies.map(function (f) {
                            return E.label('SectionFamily', f);
                        }).join('、') : '')}),
                    E.sectionTree(m.sections || [])
                ]));
            });
            E.markReady('data-site-columns');
        }).catch(function (e) { E.showError($('site-columns'), e); });
    }

    function loadHistory() {
        E.api(unitPath('/history')).then(function (points) {
            E.historyChart('history-chart', points);
        }).catch(function () { return null; });
    }

    // The units ranked around this one (a peer group may hold thousands); the whole list is in the CSV export.
    var AROUND = 10;

    function loadRanking(group, mine, rank) {
        var offset = rank ? Math.max(rank - 1 - AROUND, 0) : 0;
        E.api('/api/rankings?group=' + group + '&offset=' + offset + '&limit=' + (2 * AROUND + 1)).then(function (t) {
            E.append(E.clear($('ranking')), [el('p', {class: 'muted', text: '共 ' + t.units + ' 个单位，显示第 '
                + (t.rows.length ? (offset + 1) + '–' + (offset + t.rows.length) : '0') + ' 位。'}), E.table([
                {label: '名次', class: 'num', cell: function (r) { return r.rank || '—'; }},
                {label: '单位', cell: function (r) { return r.unitName; }},
                {label: '得分', class: 'num', cell: function (r) {
                    return r.grade === 'NOT_RATED' ? '—' : E.fmt(r.total, 1);
                }},
                {label: '等级', cell: function (r) { return E.gradeBadge(r.grade, r.gradeLabel); }}
            ], t.rows, {rowClass: function (r) { return r.unitCode === mine ? 'mine' : null; }}),
                el('p', null, [el('a', {href: '/api/rankings.csv?group=' + group, text: '下载本组完整排名（CSV）'})])]);
        }).catch(function (e) { E.showError($('ranking'), e); });
    }

    function statusCell(x) {
        return el('span', {class: 'status-' + x.status, text: E.label('ReviewStatus', x.status)});
    }

    function loadSelfReports() {
        E.api(unitPath('/self-reports')).then(function (rows) {
            E.append(E.clear($('self-reports')), E.table([
                {label: '填报日期', cell: function (r) { return r.reportDate; }},
                {label: '计算机/人数', cell: function (r) { return r.computers + ' / ' + r.staff; }},
                {label: '状态', cell: statusCell},
                {label: '审核意见', class: 'wrap', cell: function (r) { return r.reviewComment || (r.current ? '当前有效' : ''); }}
            ], rows, {id: 'self-report-table', empty: '尚未提交自报'}));
        }).catch(function (e) { E.showError($('self-reports'), e); });
    }

    function loadLiaison() {
        E.api(unitPath('/liaisons')).then(function (rows) {
            var current = rows.filter(function (l) { return !l.untilDate; })[0];
            E.append(E.clear($('liaison-current')), current
                ? el('p', {text: '当前联络员：' + current.name + '　电话 ' + (current.phone || '—') + '　自 ' + current.since})
                : el('p', {class: 'message error', text: '尚未登记信息联络员。'}));
        }).catch(function (e) { E.showError($('liaison-current'), e); });
        E.api(unitPath('/liaison-requests')).then(function (rows) {
            E.append(E.clear($('liaison-requests')), E.table([
                {label: '提交时间', cell: function (r) { return E.date(r.submittedAt); }},
                {label: '联络员', cell: function (r) { return r.name + ' ' + (r.phone || ''); }},
                {label: '状态', cell: statusCell},
                {label: '审核意见', class: 'wrap', cell: function (r) { return r.reviewComment || ''; }}
            ], rows, {id: 'liaison-request-table', empty: '没有变更申请'}));
        }).catch(function (e) { E.showError($('liaison-requests'), e); });
    }

    // 整改: the unit's tasks, each with its reply form, re-check and appeal buttons and its timeline.
    function loadTasks() {
        E.api(unitPath('/rectification/tasks')).then(function (tasks) {
            var box = E.clear($('dept-tasks'));
            if (!tasks.length) {
                box.appendChild(el('p', {class: 'message ok', text: '目前没有整改任务。'}));
            }
            tasks.forEach(function (t) { box.appendChild(taskCard(t)); });
            E.markReady('data-tasks');
        }).catch(function (e) { E.showError($('dept-tasks'), e); });
        E.api(unitPath('/rectification/appeals')).then(function (appeals) {
            E.append(E.clear($('dept-appeals')), E.table([
                {label: '提交时间', cell: function (a) { return E.date(a.submittedAt); }},
                {label: '问题', class: 'wrap', cell: function (a) { return a.message; }},
                {label: '申诉理由', class: 'wrap', cell: function (a) { return a.reason; }},
                {label: '状态', cell: statusCell},
                {label: '审核意见', class: 'wrap', cell: function (a) { return a.reviewComment || ''; }}
            ], appeals, {id: 'appeal-table', empty: '没有申诉'}));
        }).catch(function (e) { E.showError($('dept-appeals'), e); });
    }

    function taskCard(t) {
        var id = 'task-' + t.id;
        var open = t.status === 'OPEN' || t.status === 'REPLIED' || t.status === 'RETURNED';
        var progress = t.status === 'RECHECKING' && t.recheckTotal
            ? '（已采集 ' + (t.recheckDone || 0) + '/' + t.recheckTotal + ' 个站点）' : '';
        var card = el('div', {class: 'task', id: id}, [
            el('div', {class: 'finding-head'}, [
                el('span', {class: 'kind', text: E.label('FindingKind', t.findingKind)}),
                el('strong', {text: t.indicatorName}),
                el('span', {class: 'task-status status-' + t.status, text: ' ' + E.label('TaskStatus', t.status)
                    + progress}),
                t.overdue ? el('span', {class: 'veto-flag overdue-flag', text: ' 已逾期'}) : null]),
            el('p', {class: 'finding-msg', text: t.message}),
            el('p', {class: 'muted', text: '整改期限 ' + t.deadline + (t.observed ? '　观测：' + t.observed : '')
                + (t.note ? '　要求：' + t.note : '')}),
            t.evidenceUrl ? el('p', {class: 'evidence'}, [el('span', {text: '证据：'}), el('a', {href: t.evidenceUrl,
                target: '_blank', rel: 'noopener noreferrer nofollow', class: 'evidence-link', text: t.evidenceUrl}),
                t.evidenceDate ? el('span', {class: 'muted', text: ' 日期 ' + t.evidenceDate}) : null,
                t.httpStatus ? el('span', {class: 'muted', text: ' HTTP ' + t.httpStatus}) : null]) : null,
            t.hint ? el('p', {class: 'hint-fix', text: '整改建议：' + t.hint}) : null,
            t.reply ? el('p', {text: '本单位答复：' + t.reply}) : null]);
        var message = el('p', {class: 'task-message', hidden: 'hidden'});
        function done(text, kind) {
            message.textContent = text;
            message.className = 'task-message message ' + kind;
            message.hidden = false;
        }
        if (open) {
            var reply = el('textarea', {rows: 2, maxlength: 2000, class: 'task-reply', 'aria-label': '整改答复',
                placeholder: '填写整改情况'});
            var send = el('button', {type: 'button', class: 'primary send-reply', text: '提交答复'});
            var recheck = el('button', {type: 'button', class: 'request-recheck', text: '申请复查'});
            var reason = el('input', {type: 'text', maxlength: 2000, class: 'appeal-reason', 'aria-label': '申诉理由',
                placeholder: '申诉理由'});
            var appeal = el('button', {type: 'button', class: 'file-appeal', text: '提出申诉'});
            send.addEventListener('click', function () {
                E.post(unitPath('/rectification/tasks/' + t.id + '/reply'), {text: reply.value})
                    .then(loadTasks).catch(function (e) { done(e.message, 'error'); });
            });
            recheck.addEventListener('click', function () {
                recheck.disabled = true;
                E.post(unitPath('/rectification/tasks/' + t.id + '/recheck')).then(function () {
                    loadTasks();
                    followRecheck();
                }).catch(function (e) {
                    recheck.disabled = false;
                    done(e.message, 'error');
                });
            });
            appeal.addEventListener('click', function () {
                E.post(unitPath('/rectification/appeals'), {taskId: t.id, reason: reason.value}).then(function () {
                    done('已提出申诉，等待信息化办公室审核。', 'ok');
                    loadTasks();
                }).catch(function (e) { done(e.message, 'error'); });
            });
            E.append(card, [el('div', {class: 'task-actions no-print'}, [reply, send, recheck]),
                el('div', {class: 'task-actions no-print'}, [reason, appeal])]);
        }
        var steps = el('div', {class: 'task-timeline'});
        E.append(card, [message, el('h4', {text: '办理过程'}), steps]);
        E.taskTimeline(unitPath('/rectification/tasks/' + t.id + '/timeline'), steps);
        return card;
    }

    // While a re-check runs, the tasks are read again every few seconds until none is being re-checked.
    var following = null;

    function followRecheck() {
        if (following) {
            return;
        }
        following = window.setInterval(function () {
            E.api(unitPath('/rectification/tasks')).then(function (tasks) {
                if (!tasks.some(function (t) { return t.status === 'RECHECKING'; })) {
                    window.clearInterval(following);
                    following = null;
                    loadScorecard();
                }
                loadTasks();
            }).catch(function () { return null; });
        }, 2000);
    }

    function num(id) {
        var v = $(id).value;
        return v === '' ? null : Number(v);
    }

    function submitSelfReport(event) {
        event.preventDefault();
        var systems = Array.prototype.slice.call(document.querySelectorAll('.sr-system:checked'))
            .map(function (c) { return c.value; });
        var other = E.splitList($('sr-other').value);
        $('sr-submit').disabled = true;
        E.post(unitPath('/self-reports'), {
            reportDate: $('sr-date').value, lanPresent: $('sr-lan').checked, computers: num('sr-computers'),
            networkedComputers: num('sr-networked'), staff: num('sr-staff'), internetAccess: $('sr-internet').checked,
            oaInUse: $('sr-oa').checked, egovConnected: $('sr-egov').checked, systems: systems, otherSystems: other,
            note: $('sr-note').value || null
        }).then(function () {
            E.say('sr-message', '已提交，等待信息化办公室审核。', 'ok');
            loadSelfReports();
        }).catch(function (e) { E.say('sr-message', e.message, 'error'); })
            .then(function () { $('sr-submit').disabled = false; });
    }

    function submitLiaison(event) {
        event.preventDefault();
        $('li-submit').disabled = true;
        E.post(unitPath('/liaison-requests'), {
            name: $('li-name').value, phone: $('li-phone').value, email: $('li-email').value || null,
            since: $('li-since').value, reason: $('li-reason').value || null
        }).then(function () {
            E.say('li-message', '已提交变更申请，等待审核。', 'ok');
            loadLiaison();
        }).catch(function (e) { E.say('li-message', e.message, 'error'); })
            .then(function () { $('li-submit').disabled = false; });
    }
}());
