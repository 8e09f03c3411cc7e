// Office tab 规则模拟: the rules in force, and other weights and thresholds scored on the same evidence (nothing saved).
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var wi = {rules: null, result: null, page: 0};
    var loaded = false;

    O.register('whatif', {
        wire: function () {
            $('wi-form').addEventListener('submit', runWhatIf);
            $('wi-reset').addEventListener('click', function () { renderRules(wi.rules); });
            $('wi-all').addEventListener('change', function () { wi.page = 0; renderWhatIf(); });
        },
        show: function () {
            if (!loaded) {
                loaded = true;
                loadRules();
            }
        }
    });

    // The catalogue's parameter keys (crawlers/indicators.yml) as the office reads them (/api/labels).
    function paramLabel(key) {
        return E.label('IndicatorParam', key);
    }

    function loadRules() {
        E.append(E.clear($('wi-rules')), el('p', {class: 'muted', text: '正在读取…'}));
        E.api('/api/indicators').then(function (rules) {
            wi.rules = rules;
            renderRules(rules);
            O.ready('whatif');
        }).catch(function (e) { E.showError($('wi-rules'), e); O.ready('whatif'); });
    }

    function numberInput(id, value, label) {
        return el('input', {type: 'number', id: id, value: String(value), step: 'any', min: '0', class: 'num-input',
            'aria-label': label, 'data-default': String(value)});
    }

    function renderRules(rules) {
        var head = el('p', {class: 'muted', text: '现行规则版本 ' + rules.version + '；等级线：优秀 ≥ '
            + rules.grades.excellent + '，良好 ≥ ' + rules.grades.good + '，合格 ≥ ' + rules.grades.pass
            + '；已评分权重低于 ' + rules.minScoredWeightPercent + '% 为未评定。'});
        E.append(E.clear($('wi-rules')), [head, E.table([
            {label: '指标', cell: function (r) { return el('span', {title: r.hint, text: r.name}); }},
            {label: '类别', cell: function (r) { return r.group; }},
            {label: '权重', cell: function (r) { return numberInput('wi-w-' + r.id, r.weight, r.name + ' 权重'); }},
            {label: '各组权重', class: 'wrap', cell: function (r) {
                return E.constants('PeerGroup').filter(function (g) { return r.weights[g.id] !== undefined; })
                    .map(function (g) { return g.label + ' ' + r.weights[g.id]; }).join('，');
            }},
            {label: '阈值', class: 'wrap', cell: function (r) {
                return el('div', {class: 'params'}, Object.keys(r.params).map(function (k) {
                    return el('label', {class: 'param'}, [paramLabel(k), ' ',
                        numberInput('wi-p-' + r.id + '-' + k, r.params[k], r.name + ' ' + paramLabel(k))]);
                }));
            }}
        ], rules.indicators, {id: 'rules-table'})]);
        E.clear($('wi-summary'));
        E.clear($('wi-table'));
        wi.result = null;
        $('wi-status').textContent = '';
    }

    /** Only what differs from the rules in force is sent. */
    function overrides() {
        var weights = {}, thresholds = {};
        wi.rules.indicators.forEach(function (r) {
            var w = $('wi-w-' + r.id);
            if (w.value !== w.getAttribute('data-default')) {
                weights[r.id] = Number(w.value);
            }
            Object.keys(r.params).forEach(function (k) {
                var p = $('wi-p-' + r.id + '-' + k);
                if (p.value !== p.getAttribute('data-default')) {
                    (thresholds[r.id] = thresholds[r.id] || {})[k] = Number(p.value);
                }
            });
        });
        return {weights: weights, thresholds: thresholds};
    }

    function runWhatIf(event) {
        event.preventDefault();
        if (!wi.rules || !$('wi-form').reportValidity()) {
            return;
        }
        $('wi-run').disabled = true;
        $('wi-status').textContent = '正在计算…';
        E.post('/api/scoring/what-if', overrides()).then(function (result) {
            wi.result = result;
            wi.page = 0;
            $('wi-status').textContent = '评分日 ' + result.day + '，共 ' + result.rankings.length + ' 个单位（未保存）';
            renderWhatIf();
        }).catch(function (e) {
            wi.result = null;
            $('wi-status').textContent = '';
            E.showError($('wi-summary'), e.errors.length ? {message: e.errors.map(whatIfProblem).join('；')} : e);
            E.clear($('wi-table'));
        }).then(function () {
            $('wi-run').disabled = false;
            O.ready('whatif-result');
        });
    }

    /** weights.x / thresholds.x.key named as the table shows them. */
    function whatIfProblem(error) {
        var parts = (error.field || '').split('.');
        var rule = wi.rules.indicators.filter(function (r) { return r.id === parts[1]; })[0];
        var what = !rule ? error.field : parts[0] === 'weights' ? rule.name + ' 权重'
            : rule.name + (parts[2] ? ' ' + paramLabel(parts[2]) : '');
        return what + '：' + error.reason;
    }

    function changed(r) {
        return Math.abs(r.total - r.baselineTotal) >= 0.005 || r.grade !== r.baselineGrade || r.rank !== r.baselineRank;
    }

    function renderWhatIf() {
        if (!wi.result) {
            return;
        }
        var rows = wi.result.rankings;
        var summary = E.constants('PeerGroup').map(function (g) {
            var inGroup = rows.filter(function (r) { return r.peerGroup === g.id; });
            if (!inGroup.length) {
                return null;
            }
            var grades = inGroup.filter(function (r) { return r.grade !== r.baselineGrade; }).length;
            var up = inGroup.filter(function (r) { return r.rank && r.baselineRank && r.rank < r.baselineRank; }).length;
            var down = inGroup.filter(function (r) { return r.rank && r.baselineRank && r.rank > r.baselineRank; }).length;
            return el('li', {text: g.label + '：' + inGroup.length + ' 个单位，等级变化 ' + grades + ' 个，名次上升 ' + up
                + ' 个、下降 ' + down + ' 个'});
        }).filter(Boolean);
        var shown = $('wi-all').checked ? rows.slice() : rows.filter(changed);
        // Largest moves first.
        shown.sort(function (a, b) {
            var da = Math.abs((a.rank || 0) - (a.baselineRank || 0)), db = Math.abs((b.rank || 0) - (b.baselineRank || 0));
            return db - da || Math.abs(b.total - b.baselineTotal) - Math.abs(a.total - a.baselineTotal)
                || (a.unitCode < b.unitCode ? -1 : 1);
        });
        E.append(E.clear($('wi-summary')), el('ul', {id: 'whatif-summary'}, summary));
        var pages = Math.ceil(shown.length / O.PAGE);
        wi.page = Math.max(0, Math.min(wi.page, pages - 1));
        E.append(E.clear($('wi-table')), shown.length ? [E.table([
            {label: '同类组', cell: function (r) { return E.label('PeerGroup', r.peerGroup); }},
            {label: '单位', cell: function (r) {
                return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), text: r.unitName});
            }},
            {label: '现得分', class: 'num', cell: function (r) { return E.fmt(r.baselineTotal, 1); }},
            {label: '模拟得分', class: 'num', cell: function (r) { return E.fmt(r.total, 1); }},
            {label: '现等级', cell: function (r) { return E.gradeBadge(r.baselineGrade); }},
            {label: '模拟等级', cell: function (r) { return E.gradeBadge(r.grade); }},
            {label: '现名次', class: 'num', cell: function (r) { return r.baselineRank || '—'; }},
            {label: '模拟名次', class: 'num', cell: function (r) { return r.rank || '—'; }}
        ], shown.slice(wi.page * O.PAGE, wi.page * O.PAGE + O.PAGE), {id: 'whatif-table'}),
            E.pager(wi.page, pages, shown.length, function (p) { wi.page = p; renderWhatIf(); })]
            : el('p', {class: 'message ok', text: '按修改后的规则，没有单位的得分、等级或名次发生变化。'}));
    }
}());
