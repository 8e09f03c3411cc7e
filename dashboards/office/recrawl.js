// 单位详情 → 网站与最近抓取: 立即重新采集 (one unit's sites measured now, as a crawl round of their items) with its
// progress until it ends, then the unit drawn again with the new crawl; and the unit's availability figures. One
// round runs at a time: a click while any round runs gets the server's 409, which says whose round it is; when it is
// this unit's own, the page follows that round instead of starting another.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var current = null;
    // the unit the status line speaks of (it survives the redraw that follows a finished re-crawl)
    var statusFor = null;
    // the run followed now: {code, runId, timer, notice: the sentence of a refused second click, if any}
    var following = null;

    O.unitLoaded = function (code) {
        current = code;
        $('unit-recrawl-bar').hidden = false;
        O.availabilityTable($('unit-availability'), code);
        if (statusFor === code) {
            return; // the status line already speaks of this unit (its round, or the one that just ended)
        }
        statusFor = code;
        status('');
        // a round already running: this unit's is followed; another one is named, so a click is not a surprise
        E.api('/api/jobs/crawl-round/running').then(function (rounds) {
            if (current !== code || !rounds.length || (following && following.code === code)) {
                return;
            }
            var r = rounds[0];
            if (r.unitCode === code) {
                follow(code, r.runId);
            } else {
                status(r.unitCode ? '单位“' + (r.unitName || r.unitCode) + '”的采集正在进行（已完成 '
                    + (r.done + r.failed) + '/' + r.total + ' 个站点），结束后才能重新采集本单位。'
                    : '全市抓取正在进行（已完成 ' + (r.done + r.failed) + '/' + r.total + ' 个站点），结束后才能重新采集本单位。',
                    'recrawl-wait');
            }
        }).catch(function () { return null; });
    };

    document.addEventListener('DOMContentLoaded', function () {
        $('unit-recrawl').addEventListener('click', function () {
            var code = current;
            if (!code) {
                return;
            }
            var button = this;
            button.disabled = true;
            E.post('/api/jobs/crawl-round/units/' + encodeURIComponent(code)).then(function (started) {
                button.disabled = false;
                if (!started.total) {
                    status('该单位没有受监测的网站，无需采集。', 'recrawl-done');
                    return;
                }
                follow(code, started.runId);
            }).catch(function (e) {
                button.disabled = false;
                // the server's sentence names the round and says what to do (its details are for the page)
                var message = e.status === 409 ? e.message.replace(/：.*$/, '') : e.message;
                var runId = detail(e, 'runId');
                if (e.status === 409 && runId && detail(e, 'unitCode') === code) {
                    // this unit's own round: no second one; its progress stays shown with the sentence under it
                    if (following && following.code === code) {
                        following.notice = message;
                    } else {
                        follow(code, Number(runId), message);
                    }
                }
                status(message, 'recrawl-refused');
            });
        });
    });

    function detail(error, field) {
        var d = (error.errors || []).filter(function (x) { return x.field === field; })[0];
        return d ? d.reason : null;
    }

    function status(text, kind, extra) {
        var box = E.clear($('unit-recrawl-status'));
        box.className = kind || '';
        E.append(box, [text ? el('span', {class: 'recrawl-text', text: text}) : null].concat(extra || []));
    }

    /** Polls the round's run until it ends, showing its progress; then draws the unit again (its new crawl). */
    function follow(code, runId, note) {
        if (following) {
            clearTimeout(following.timer);
        }
        statusFor = code;
        following = {code: code, runId: runId, timer: null, notice: note || null};
        function poll() {
            E.api('/api/jobs/runs/' + runId).then(function (d) {
                var run = d.run || d;
                if (!following || following.runId !== runId) {
                    return;
                }
                if (run.status === 'RUNNING') {
                    if (current === code) {
                        var total = run.total || 0;
                        status('正在重新采集：已完成 ' + (run.done || 0) + '/' + total + ' 个站点', 'recrawl-running', [
                            el('progress', {max: Math.max(total, 1), value: run.done || 0, id: 'unit-recrawl-progress'}),
                            following.notice ? el('span', {class: 'recrawl-note', text: following.notice}) : null]);
                    }
                    following.timer = setTimeout(poll, 1000);
                    return;
                }
                following = null;
                if (current === code) {
                    status('重新采集' + (run.status === 'SUCCEEDED' ? '完成' : '结束（' + E.label('JobRunStatus', run.status)
                        + '）') + '：' + E.date(run.finishedAt) + '，共 ' + (run.total || 0) + ' 个站点，失败 '
                        + (run.failed || 0) + ' 个。下方已显示新的抓取结果。', 'recrawl-done');
                    O.loadUnit(code);
                }
            }).catch(function (e) {
                following = null;
                status(e.message, 'recrawl-refused');
            });
        }
        poll();
    }
}());
