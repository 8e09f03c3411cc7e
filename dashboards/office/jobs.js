// Office tab 任务状态: the scheduled jobs, recent runs with their progress, and a run's failures; refreshed while open.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var timer = null;

    O.register('jobs', {
        show: function () {
            loadJobs();
            if (!timer) {
                timer = setInterval(loadJobs, 5000);
            }
        },
        hide: function () {
            clearInterval(timer);
            timer = null;
        }
    });

    function loadJobs() {
        E.api('/api/jobs').then(function (jobs) {
            E.append(E.clear($('jobs-table')), E.table([
                {label: '任务', cell: function (j) { return [el('strong', {text: j.label}), el('div', {class: 'muted', text: j.description})]; }},
                {label: '计划', cell: function (j) { return j.scheduleLabel; }},
                {label: '下次运行', cell: function (j) { return E.date(j.nextFireTime); }},
                {label: '最近一次', cell: function (j) {
                    var r = j.lastRun;
                    return r ? [runStatus(r), ' ' + E.date(r.startedAt)] : '从未运行';
                }},
                {label: '进度', cell: function (j) { return j.lastRun ? progress(j.lastRun) : ''; }},
                {label: '', cell: function (j) {
                    var b = el('button', {type: 'button', class: 'secondary trigger', text: '立即运行',
                        'data-job': j.name});
                    b.addEventListener('click', function () {
                        b.disabled = true;
                        E.post('/api/jobs/' + encodeURIComponent(j.name) + '/trigger').then(loadJobs)
                            .catch(function (e) { window.alert(e.message); b.disabled = false; });
                    });
                    return b;
                }}
            ], jobs, {id: 'jobs'}));
            O.ready('jobs');
        }).catch(function (e) { E.showError($('jobs-table'), e); });
        E.api('/api/jobs/runs?limit=20').then(function (runs) {
            E.append(E.clear($('runs-table')), E.table([
                {label: '编号', class: 'num', cell: function (r) { return r.id; }},
                {label: '任务', cell: function (r) { return E.label('JobName', r.job); }},
                {label: '原因', cell: function (r) { return E.label('JobCause', r.cause); }},
                {label: '开始', cell: function (r) { return E.date(r.startedAt); }},
                {label: '结束', cell: function (r) { return E.date(r.finishedAt); }},
                {label: '状态', cell: runStatus},
                {label: '进度', cell: progress},
                {label: '失败', class: 'num', cell: function (r) {
                    if (!r.failed) {
                        return '0';
                    }
                    var a = el('a', {href: '#jobs', text: String(r.failed)});
                    a.addEventListener('click', function (e) { e.preventDefault(); runDetail(r.id); });
                    return a;
                }},
                {label: '说明', class: 'wrap', cell: function (r) { return r.message || ''; }}
            ], runs, {empty: '还没有运行记录'}));
        }).catch(function (e) { E.showError($('runs-table'), e); });
    }

    function runStatus(r) {
        return el('span', {class: 'status-' + r.status, text: E.label('JobRunStatus', r.status)});
    }

    function progress(r) {
        if (r.total === null || r.total === undefined) {
            return r.done ? String(r.done) : '';
        }
        var cell = [el('progress', {max: Math.max(r.total, 1), value: r.done}), ' ' + r.done + '/' + r.total];
        // a crawl round: its estimated finish while it runs, and a round that cannot (or did not) fit its window
        var round = r.round;
        if (round && r.status === 'RUNNING' && round.estimate) {
            cell.push(el('div', {class: 'muted round-eta', text: round.estimate}));
        }
        if (round && round.exceedsWindow) {
            cell.push(el('div', {class: 'round-overrun',
                text: round.overrun || '按目前速度，本轮无法在轮次窗口内完成'}));
        }
        return cell;
    }

    function runDetail(id) {
        E.api('/api/jobs/runs/' + id).then(function (d) {
            E.append(E.clear($('run-detail')), [el('h3', {text: '运行 ' + id + ' 的失败项'}), E.table([
                {label: '对象', class: 'wrap', cell: function (f) { return f.subject; }},
                {label: '原因', class: 'wrap', cell: function (f) { return f.reason; }},
                {label: '时间', cell: function (f) { return E.date(f.at); }}], d.failures)]);
        }).catch(function (e) { E.showError($('run-detail'), e); });
    }
}());
