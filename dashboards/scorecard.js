// One unit's scorecard, drawn the same on the office's drill-down and on the unit's own page: the head (total,
// grade, rank, scoring day, bottleneck), the indicator table and the findings; and a 整改 task's timeline, shown on
// both pages too. Loaded after common.js.
(function () {
    'use strict';
    var E = window.Egov, el = E.el;

    /**
     * The parts of a GET /api/units/{code}/scorecard answer, for the page to place: {head: [nodes], indicators:
     * table, indicatorName(id)}.
     */
    function scorecard(card) {
        var s = card.score;
        var names = {};
        s.indicators.forEach(function (i) { names[i.id] = i.name; });
        // The one finding and bottleneck of a unit without a site carry this pseudo-indicator id.
        names.no_site = E.label('IndicatorState', 'NO_SITE');
        function indicatorName(id) {
            return names[id] || id;
        }
        // The vetoes per indicator: the row of a vetoed indicator says so, with why.
        var vetoes = {};
        s.findings.forEach(function (f) {
            if (f.kind === 'VETO') {
                (vetoes[f.indicator] = vetoes[f.indicator] || []).push(f);
            }
        });
        var vetoedNames = Object.keys(vetoes).map(indicatorName);
        var head = [
            el('h2', {id: 'unit-name', text: s.unitName + '（' + s.unitCode + ' · ' + E.label('PeerGroup', s.peerGroup)
                + '）'}),
            el('div', {class: 'score-head'}, [
                // A 未评定 unit's points are no score: none is shown, never 0.0.
                el('div', {class: 'score-big', id: 'score-total',
                    text: s.grade === 'NOT_RATED' ? '—' : E.fmt(s.total, 1)}),
                el('div', {class: 'score-meta'}, [
                    el('div', null, ['等级 ', E.gradeBadge(s.grade, card.gradeLabel),
                        s.vetoed ? el('span', {class: 'veto-flag', id: 'veto-summary', text: ' 单项否决'
                            + (vetoedNames.length ? '：' + vetoedNames.join('、') : '')}) : null]),
                    el('div', {id: 'rank-line', text: card.rank ? '同类排名 第 ' + card.rank + ' / ' + card.peers + ' 名'
                        : '未参与排名（可评分内容不足）'}, card.rank ? [' ', E.rankChange(card.rankChange)] : null),
                    el('div', {class: 'muted', text: '评分日 ' + card.day + ' · 已评分权重 ' + E.fmt(s.scoredWeight, 0)
                        + ' / 100' + (s.bonus ? ' · 加分 ' + E.fmt(s.bonus, 1) : '')}),
                    s.bottleneck ? el('div', {text: '瓶颈指标：' + indicatorName(s.bottleneck) + '（失 '
                        + E.fmt(s.bottleneckShortfall, 1) + ' 分）'}) : null])])];
        var indicators = E.table([
            {label: '指标', cell: function (i) {
                var found = vetoes[i.id] || [];
                if (!i.vetoed && !found.length) {
                    return i.name;
                }
                return [el('span', {text: i.name}), ' ', el('span', {class: 'veto-badge', text: '单项否决'})]
                    .concat(found.map(function (f) {
                        return el('div', {class: 'veto-reason', text: f.message + (f.threshold ? '（' + f.threshold + '）'
                            : '')});
                    }));
            }},
            {label: '类别', cell: function (i) { return i.group; }},
            {label: '状态', class: 'nowrap', cell: function (i) { return E.label('IndicatorState', i.state); }},
            {label: '权重', class: 'num', cell: function (i) { return E.fmt(i.weight, 1); }},
            {label: '得分', class: 'num', cell: function (i) { return counted(i) ? E.fmt(i.points, 2) : '—'; }},
            {label: '失分', class: 'num', cell: function (i) { return counted(i) ? E.fmt(i.shortfall, 2) : '—'; }},
            {label: '观测', class: 'wrap', cell: function (i) { return i.observed || i.reason || ''; }}
        ], s.indicators, {id: 'indicator-table', rowClass: function (i) {
            return i.vetoed || vetoes[i.id] ? 'vetoed' : null;
        }});
        return {head: head, indicators: indicators, indicatorName: indicatorName};
    }

    /** True when the indicator counts in the total: scored, or scored zero for lack of a site. */
    function counted(i) {
        return i.state === 'SCORED' || i.state === 'NO_SITE';
    }

    /** Findings as the items of a list (emptied first); an empty list says there is nothing lost. */
    function findingList(list, findings, indicatorName) {
        E.clear(list);
        if (!findings.length) {
            list.appendChild(el('li', {class: 'muted', text: '没有失分项。'}));
        }
        findings.forEach(function (f) { list.appendChild(E.finding(f, indicatorName(f.indicator))); });
        return list;
    }

    /** A 整改 task's steps (GET …/timeline at {@code path}) as an ordered list, into {@code box}. */
    function taskTimeline(path, box) {
        return E.api(path).then(function (steps) {
            E.append(E.clear(box), el('ol', {class: 'timeline'}, steps.map(function (s) {
                return el('li', {class: 'step step-' + s.kind}, [
                    el('strong', {text: E.label('StepKind', s.kind)}),
                    el('span', {class: 'muted', text: ' ' + E.date(s.at) + ' ' + (s.actor || '')}),
                    s.note ? el('div', {class: 'wrap', text: s.note}) : null]);
            })));
        }).catch(function (e) { E.showError(box, e); });
    }

    // ------------------------------------------------------------------ evidence snapshots (网页快照)

    /**
     * The page text of a snapshot with its marked parts in <mark>: every piece is a text node, so crawled text can
     * never become markup. {@code marks} are [start, end) offsets into {@code text}, in order, not overlapping.
     */
    function markedText(text, marks, attributes) {
        var pre = el('pre', attributes || {class: 'snapshot-text', id: 'snapshot-text'});
        var at = 0;
        (marks || []).forEach(function (m) {
            if (m.start < at || m.end > text.length || m.end <= m.start) {
                return;
            }
            pre.appendChild(document.createTextNode(text.substring(at, m.start)));
            var mark = document.createElement('mark');
            mark.appendChild(document.createTextNode(text.substring(m.start, m.end)));
            pre.appendChild(mark);
            at = m.end;
        });
        pre.appendChild(document.createTextNode(text.substring(at)));
        return pre;
    }

    /** The one snapshot dialog of the page, made on first use. */
    function snapshotDialog() {
        var dialog = document.getElementById('snapshot-dialog');
        if (dialog) {
            return dialog;
        }
        var close = el('button', {type: 'button', class: 'snapshot-close', id: 'snapshot-close', text: '关闭'});
        dialog = el('dialog', {id: 'snapshot-dialog', class: 'snapshot-dialog', 'aria-label': '网页快照'}, [
            el('div', {class: 'snapshot-bar'}, [el('strong', {text: '网页快照'}), close]),
            el('div', {id: 'snapshot-body'})]);
        close.addEventListener('click', function () { dialog.close(); });
        document.body.appendChild(dialog);
        return dialog;
    }

    /** Opens the snapshot {@code sha} of a finding, its excerpt (or date) {@code mark} highlighted. */
    function openSnapshot(sha, mark) {
        var dialog = snapshotDialog();
        var body = document.getElementById('snapshot-body');
        E.append(E.clear(body), el('p', {class: 'muted', text: '正在读取网页快照…'}));
        if (!dialog.open) {
            dialog.showModal();
        }
        dialog.removeAttribute('data-ready');
        var path = '/api/snapshots/' + encodeURIComponent(sha) + (mark ? '?mark=' + encodeURIComponent(mark) : '');
        return E.api(path).then(function (v) {
            var found = v.marks && v.marks.length;
            var source = v.source || [];
            E.append(E.clear(body), [
                el('p', {class: 'snapshot-meta'}, [
                    el('span', {text: '抓取地址：' + v.url}), el('br'),
                    el('span', {class: 'muted', text: '首次抓到 ' + E.date(v.firstSeen) + ' · 最近抓到 '
                        + E.date(v.lastSeen) + ' · ' + (v.contentType || '类型未知') + ' · '
                        + E.fmt(v.size / 1024, 1) + ' KB' + (v.charset ? ' · ' + v.charset : '')})]),
                v.mark ? el('p', {class: found || source.length ? 'snapshot-found' : 'muted', id: 'snapshot-found',
                    text: found ? '已标出“' + v.mark + '”出现的 ' + v.marks.length + ' 处'
                        : source.length ? '页面文字中没有“' + v.mark + '”，它在页面源代码中（如脚本地址、脚本写入的链接），'
                            + '见下方 ' + source.length + ' 处源代码'
                        : '快照文本中未找到“' + v.mark + '”'}) : null,
                source.length ? el('div', {class: 'snapshot-source', id: 'snapshot-source'}, source.map(function (s) {
                    return el('div', {}, [el('span', {class: 'muted', text: '源代码第 ' + s.line + ' 行：'}),
                        markedText(s.text || '', s.marks, {class: 'snapshot-text snapshot-source-line'})]);
                })) : null,
                el('p', {class: 'muted', text: '以下为抓取时页面的文字内容（已去除脚本和样式，仅供核对）'
                    + (v.truncated ? '，页面较长，仅显示前一部分' : '') + '。'}),
                markedText(v.text || '', v.marks)]);
            var first = body.querySelector('mark');
            if (first && first.scrollIntoView) {
                first.scrollIntoView({block: 'center'});
            }
            dialog.setAttribute('data-ready', '1');
        }).catch(function (e) {
            E.showError(body, e);
            dialog.setAttribute('data-ready', '1');
        });
    }

    /**
     * A finding as common.js draws it, plus a 网页快照 button when its evidence page was kept: what the crawler saw,
     * with the finding's excerpt (or, for a date finding, the date) highlighted.
     */
    var plainFinding = E.finding;
    function findingWithSnapshot(f, indicatorName) {
        var li = plainFinding(f, indicatorName);
        var ev = f.evidence || {};
        if (ev.snapshot) {
            var button = el('button', {type: 'button', class: 'snapshot-link', 'data-snapshot': ev.snapshot,
                text: '网页快照'});
            button.addEventListener('click', function () { openSnapshot(ev.snapshot, ev.excerpt || ev.date || ''); });
            var where = li.querySelector('.evidence');
            (where || li).appendChild(button);
        }
        return li;
    }

    E.finding = findingWithSnapshot;
    E.openSnapshot = openSnapshot;

    /**
     * The office's 误报 button on a wording finding (an indicator of rule WORDING): asks why, dismisses the finding
     * (POST /api/units/{code}/findings/dismissals: left out of the score from today, kept and audited), then calls
     * onDone. The department's page never shows it (the API refuses a department anyway).
     */
    function dismissButton(unitCode, f, onDone) {
        var button = el('button', {type: 'button', class: 'dismiss-finding', text: '误报'});
        button.addEventListener('click', function () {
            var reason = window.prompt('标记为误报：请填写原因（必填，将记录在案）', '');
            if (reason === null) {
                return;
            }
            if (!reason.trim()) {
                window.alert('请填写误报原因');
                return;
            }
            button.disabled = true;
            E.post('/api/units/' + encodeURIComponent(unitCode) + '/findings/dismissals', {
                indicator: f.indicator, kind: f.kind, siteUrl: f.siteUrl || null,
                evidenceUrl: (f.evidence || {}).url || null, reason: reason.trim()
            }).then(function () {
                button.replaceWith(el('span', {class: 'issued-note', text: '已作为误报排除'}));
                if (onDone) {
                    onDone();
                }
            }).catch(function (e) {
                button.disabled = false;
                window.alert(e.message);
            });
        });
        return button;
    }

    /** Indicator id → rule type (GET /api/indicators), read once per page. */
    var ruleTypes = null;
    function indicatorRuleTypes() {
        if (!ruleTypes) {
            ruleTypes = E.api('/api/indicators').then(function (r) {
                var types = {};
                (r.indicators || []).forEach(function (i) { types[i.id] = i.rule; });
                return types;
            }).catch(function () {
                ruleTypes = null;
                return {};
            });
        }
        return ruleTypes;
    }

    E.dismissButton = dismissButton;
    E.indicatorRuleTypes = indicatorRuleTypes;
    E.scorecard = scorecard;
    E.taskTimeline = taskTimeline;
    E.findingList = findingList;
}());
