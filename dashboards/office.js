// Office dashboard: rankings (paged for 15,000 units), bottleneck matrix, unit drill-down, jobs, warnings, review
// queue and registry administration. Crawled and user-supplied text only ever goes in through textContent.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$;
    var PAGE = 50;
    var indicatorNames = {};
    var loaded = {};
    var rk = {group: 'DEPARTMENTS', sortKey: 'rank', sortDir: 1, page: 0, seq: 0, timer: null};
    var mx = {group: 'DEPARTMENTS', page: 0};
    var jobsTimer = null;
    var wi = {rules: null, result: null, page: 0};

    E.chartDefaults();
    E.start('信息化办公室', ['OFFICE']).then(function () {
        ['rk-group', 'mx-group', 'wn-group'].forEach(function (id) {
            var select = $(id);
            if (id === 'wn-group') {
                select.appendChild(el('option', {value: '', text: '全部'}));
            }
            E.PEER_GROUPS.forEach(function (g) { select.appendChild(el('option', {value: g.id, text: g.label})); });
        });
        wire();
        E.tabs(show);
    }).catch(function (e) { E.showError($('office'), e); });

    function wire() {
        $('rk-group').addEventListener('change', function () { rk.group = this.value; rk.page = 0; loadRanking(); });
        $('rk-grade').addEventListener('change', function () { rk.page = 0; loadRanking(); });
        $('rk-search').addEventListener('input', function () {
            // One request when typing pauses, not one per keystroke.
            clearTimeout(rk.timer);
            rk.timer = setTimeout(function () { rk.page = 0; loadRanking(); }, 250);
        });
        $('mx-group').addEventListener('change', function () { mx.group = this.value; mx.page = 0; loadMatrix(); });
        $('wn-group').addEventListener('change', loadWarnings);
        $('wn-vetoes').addEventListener('change', loadWarnings);
        $('unit-open').addEventListener('click', function () {
            location.hash = 'unit/' + encodeURIComponent($('unit-code').value.trim());
        });
        $('rg-search').addEventListener('input', renderUnits);
        $('rg-new').addEventListener('click', function () { editUnit(null); });
        $('uf-cancel').addEventListener('click', function () { $('unit-form').classList.add('hidden'); });
        $('unit-form').addEventListener('submit', saveUnit);
        $('user-form').addEventListener('submit', saveUser);
        $('us-clear').addEventListener('click', function () { editUser(null); });
        $('wi-form').addEventListener('submit', runWhatIf);
        $('wi-reset').addEventListener('click', function () { renderRules(wi.rules); });
        $('wi-all').addEventListener('change', function () { wi.page = 0; renderWhatIf(); });
    }

    function show(tab, arg) {
        if (jobsTimer && tab !== 'jobs') {
            clearInterval(jobsTimer);
            jobsTimer = null;
        }
        if (tab === 'ranking' && !loaded.ranking) {
            loaded.ranking = true;
            loadRanking();
        } else if (tab === 'matrix' && !loaded.matrix) {
            loaded.matrix = true;
            loadMatrix();
        } else if (tab === 'unit') {
            loadUnitList();
            if (arg) {
                loadUnit(decodeURIComponent(arg));
            }
        } else if (tab === 'jobs') {
            loadJobs();
            if (!jobsTimer) {
                jobsTimer = setInterval(loadJobs, 5000);
            }
        } else if (tab === 'warnings') {
            loadWarnings();
        } else if (tab === 'reviews') {
            loadReviews();
        } else if (tab === 'registry' && !loaded.registry) {
            loaded.registry = true;
            loadRegistry();
        } else if (tab === 'whatif' && !loaded.whatif) {
            loaded.whatif = true;
            loadRules();
        }
    }

    function ready(name) {
        E.markReady('data-ready-' + name);
    }

    // ---- rankings: filtered, sorted and paged on the server (a peer group may hold 15,000 units)

    function loadIndicatorNames() {
        if (loaded.indicatorNames) {
            return loaded.indicatorNames;
        }
        loaded.indicatorNames = E.api('/api/bottlenecks').then(function (list) {
            list.forEach(function (b) { indicatorNames[b.indicator] = b.name; });
        }).catch(function () { return null; });
        return loaded.indicatorNames;
    }

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
        params.set('offset', rk.page * PAGE);
        params.set('limit', PAGE);
        // Answers may arrive out of order when the user types or pages quickly: only the newest is shown.
        var seq = ++rk.seq;
        Promise.all([E.api('/api/rankings?' + params), loadIndicatorNames()]).then(function (r) {
            if (seq !== rk.seq) {
                return;
            }
            var table = r[0];
            var pages = Math.ceil(table.units / PAGE);
            if (rk.page > 0 && rk.page >= pages) {
                rk.page = Math.max(pages - 1, 0);
                loadRanking();
                return;
            }
            $('rk-day').textContent = '评分日 ' + table.day;
            renderRanking(table, pages);
            ready('ranking');
        }).catch(function (e) {
            if (seq !== rk.seq) {
                return;
            }
            E.showError($('rk-table'), e.status === 404 ? '尚无评分快照。' : e);
            ready('ranking');
        });
    }

    function renderRanking(table, pages) {
        E.append(E.clear($('rk-table')), [E.table([
            {label: '名次', class: 'num', sortKey: 'rank', cell: function (r) { return r.rank || '—'; }},
            {label: '变化', sortKey: 'change', cell: function (r) { return r.rank ? E.rankChange(r.rankChange) : ''; }},
            {label: '单位', sortKey: 'name', cell: function (r) {
                return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), class: 'unit-link', text: r.unitName});
            }},
            {label: '得分', class: 'num', sortKey: 'total', cell: function (r) { return E.fmt(r.total, 1); }},
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

    // ---- bottleneck matrix: paged on the server

    function shade(cell) {
        if (!cell || !cell.weight) {
            return 'na';
        }
        var share = cell.shortfall / cell.weight;
        return share <= 0 ? 's0' : share < 0.25 ? 's1' : share < 0.5 ? 's2' : share < 0.75 ? 's3' : 's4';
    }

    function loadMatrix() {
        E.api('/api/bottlenecks?group=' + mx.group).then(function (list) {
            var top = list.slice(0, 3).map(function (b) {
                return b.name + '（共失 ' + E.fmt(b.totalShortfall, 1) + ' 分，' + b.unitsAffected + ' 个单位）';
            });
            $('mx-city').textContent = top.length ? '本组瓶颈：' + top.join('；') : '';
        }).catch(function () { $('mx-city').textContent = ''; });
        E.api('/api/bottlenecks/matrix?group=' + mx.group + '&offset=' + mx.page * PAGE + '&limit=' + PAGE)
            .then(function (m) {
                var cols = [{label: '单位', cell: function (r) {
                    return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), text: r.unitName});
                }}, {label: '得分', class: 'num', cell: function (r) { return E.fmt(r.total, 1) + (r.vetoed ? ' 否决' : ''); }}];
                m.groups.forEach(function (g) {
                    cols.push({label: g, class: 'cell', cell: function (r) {
                        var c = r.cells[g];
                        return el('span', {class: 'sw ' + shade(c), title: c ? '失 ' + E.fmt(c.shortfall, 1) + ' / ' + E.fmt(c.weight, 1)
                            : '未评分', text: c ? E.fmt(c.shortfall, 1) : '—'});
                    }});
                });
                var table = E.table(cols, m.rows, {class: 'matrix', id: 'matrix-table'});
                Array.prototype.forEach.call(table.querySelectorAll('td.cell'), function (td) {
                    td.classList.add(td.firstChild.className.split(' ')[1]);
                });
                E.append(E.clear($('mx-table')), [table, E.pager(mx.page, Math.ceil(m.units / PAGE), m.units,
                    function (p) { mx.page = p; loadMatrix(); })]);
                ready('matrix');
            }).catch(function (e) { E.showError($('mx-table'), e.status === 404 ? '尚无评分快照。' : e); });
    }

    // ---- unit drill-down

    function loadUnitList() {
        if (loaded.unitList) {
            return;
        }
        loaded.unitList = true;
        E.api('/api/units').then(function (units) {
            var list = $('unit-list');
            units.slice(0, 2000).forEach(function (u) { list.appendChild(el('option', {value: u.code, text: u.name})); });
        }).catch(function () { return null; });
    }

    function loadUnit(code) {
        $('unit-code').value = code;
        var path = '/api/units/' + encodeURIComponent(code);
        $('unit-csv').setAttribute('href', path + '/findings.csv');
        $('unit-dept').setAttribute('href', '/department.html?unit=' + encodeURIComponent(code));
        E.append(E.clear($('unit-head')), el('p', {class: 'muted', text: '正在读取…'}));
        E.clear($('unit-findings'));
        E.clear($('unit-sites'));
        E.api(path + '/scorecard').then(function (card) {
            var s = card.score;
            var names = {};
            s.indicators.forEach(function (i) { names[i.id] = i.name; });
            E.append(E.clear($('unit-head')), [
                el('h2', {id: 'unit-title', text: s.unitName + '（' + s.unitCode + ' · ' + E.groupLabel(s.peerGroup) + '）'}),
                el('div', {class: 'score-head'}, [el('div', {class: 'score-big', text: E.fmt(s.total, 1)}),
                    el('div', {class: 'score-meta'}, [
                        el('div', null, [E.gradeBadge(s.grade, card.gradeLabel),
                            s.vetoed ? el('span', {class: 'veto-flag', text: ' 存在单项否决'}) : null]),
                        el('div', {text: card.rank ? '第 ' + card.rank + ' / ' + card.peers + ' 名 ' : '未排名'},
                            card.rank ? E.rankChange(card.rankChange) : null),
                        el('div', {class: 'muted', text: '评分日 ' + card.day}) ])]),
                E.table([
                    {label: '指标', cell: function (i) { return i.name; }},
                    {label: '状态', cell: function (i) { return {SCORED: '已评分', NOT_APPLICABLE: '不适用', NO_DATA: '无数据'}[i.state]; }},
                    {label: '权重', class: 'num', cell: function (i) { return E.fmt(i.weight, 1); }},
                    {label: '失分', class: 'num', cell: function (i) { return i.state === 'SCORED' ? E.fmt(i.shortfall, 2) : '—'; }},
                    {label: '观测', class: 'wrap', cell: function (i) { return i.observed || i.reason || ''; }}
                ], s.indicators)]);
            var list = $('unit-findings');
            if (!s.findings.length) {
                list.appendChild(el('li', {class: 'muted', text: '没有失分项。'}));
            }
            s.findings.forEach(function (f) { list.appendChild(E.finding(f, names[f.indicator])); });
        }).catch(function (e) { E.showError($('unit-head'), e); });
        E.api(path + '/history').then(function (points) { E.historyChart('unit-history', points); })
            .catch(function () { return null; });
        E.api(path).then(function (detail) {
            var box = $('unit-sites');
            E.append(box, E.table([
                {label: '网站', cell: function (s) { return s.name; }},
                {label: '网址', class: 'wrap', cell: function (s) {
                    return el('a', {href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.url});
                }},
                {label: '监测', cell: function (s) { return s.monitored ? '是' : '否'; }}
            ], detail.sites, {empty: '没有登记网站'}));
            E.append(box, el('p', {class: 'muted', text: '政务网：' + (detail.node ? E.NODE[detail.node.status] || detail.node.status
                : '未接入') + '　联络员：' + (detail.liaison ? detail.liaison.name : '未登记')}));
            detail.sites.forEach(function (site) { crawlDetails(site, box); });
        }).catch(function (e) { E.showError($('unit-sites'), e); });
    }

    /** The latest measurement of a site with its sections and homepage items as crawled (hostile text). */
    function crawlDetails(site, box) {
        E.api('/api/sites/' + site.id + '/measurements/latest').then(function (stored) {
            var m = stored.measurement;
            var home = m.homepage || {entries: []};
            E.append(box, el('div', {class: 'crawl', id: 'crawl-' + site.id}, [
                el('h3', {text: '最近抓取：' + site.name + '（' + E.date(stored.measuredAt) + '）'}),
                el('p', {class: 'muted', text: (m.reachable ? 'HTTP ' + m.status
                        : '无法访问 ' + (m.errorKind ? E.errorKindLabel(m.errorKind) : ''))
                    + ' · ' + m.responseMs + ' ms · 抓取 ' + m.pagesFetched + ' 页 · 首页最新信息 '
                    + (home.newestDate || '无') + ' · 失效链接 ' + (m.brokenLinks || []).length
                    + ((m.missingFamilies || []).length ? ' · 缺少栏目：' + m.missingFamilies.join('、') : '')}),
                E.sectionTree(m.sections || []),
                el('h3', {text: '首页信息条目'}),
                E.table([
                    {label: '标题（抓取原文）', class: 'crawl-title', cell: function (x) { return x.title || ''; }},
                    {label: '日期', cell: function (x) { return x.date || '—'; }}
                ], (home.entries || []).slice(0, 15), {class: 'crawl-entries', empty: '首页没有信息条目'})]));
            ready('crawl');
        }).catch(function () { return null; });
    }

    // ---- jobs

    function loadJobs() {
        E.api('/api/jobs').then(function (jobs) {
            E.append(E.clear($('jobs-table')), E.table([
                {label: '任务', cell: function (j) { return [el('strong', {text: j.name}), el('div', {class: 'muted', text: j.description})]; }},
                {label: '计划', cell: function (j) { return j.schedule; }},
                {label: '下次运行', cell: function (j) { return E.date(j.nextFireTime); }},
                {label: '最近一次', cell: function (j) {
                    var r = j.lastRun;
                    return r ? [el('span', {class: 'status-' + r.status, text: r.status}), ' ' + E.date(r.startedAt)] : '从未运行';
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
            ready('jobs');
        }).catch(function (e) { E.showError($('jobs-table'), e); });
        E.api('/api/jobs/runs?limit=20').then(function (runs) {
            E.append(E.clear($('runs-table')), E.table([
                {label: '编号', class: 'num', cell: function (r) { return r.id; }},
                {label: '任务', cell: function (r) { return r.job; }},
                {label: '原因', cell: function (r) { return r.cause; }},
                {label: '开始', cell: function (r) { return E.date(r.startedAt); }},
                {label: '结束', cell: function (r) { return E.date(r.finishedAt); }},
                {label: '状态', cell: function (r) { return el('span', {class: 'status-' + r.status, text: r.status}); }},
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

    // ---- warnings

    function loadWarnings() {
        var q = '?includeVetoes=' + $('wn-vetoes').checked + ($('wn-group').value ? '&group=' + $('wn-group').value : '');
        Promise.all([E.api('/api/warnings' + q), loadIndicatorNames()]).then(function (r) {
            E.append(E.clear($('wn-table')), E.table([
                {label: '单位', cell: function (a) { return el('a', {href: '#unit/' + encodeURIComponent(a.unitCode), text: a.unitName}); }},
                {label: '同类组', cell: function (a) { return E.groupLabel(a.peerGroup); }},
                {label: '类型', cell: function (a) { return a.finding.kind === 'VETO' ? el('span', {class: 'veto-flag', text: '单项否决'}) : '预警'; }},
                {label: '指标', cell: function (a) { return indicatorNames[a.finding.indicator] || a.finding.indicator; }},
                {label: '问题', class: 'wrap', cell: function (a) { return a.finding.message; }},
                {label: '观测', class: 'wrap', cell: function (a) { return a.finding.observed || ''; }}
            ], r[0], {id: 'warnings-table', empty: '没有预警'}));
            ready('warnings');
        }).catch(function (e) { E.showError($('wn-table'), e.status === 404 ? '尚无评分快照。' : e); });
    }

    // ---- review queue

    function reviewCell(base, reload) {
        return function (x) {
            var comment = el('input', {type: 'text', placeholder: '审核意见（退回必填）', 'aria-label': '审核意见',
                maxlength: 500});
            function decide(action) {
                E.post(base + x.id + '/' + action, {comment: comment.value || null}).then(reload)
                    .catch(function (e) { window.alert(e.message); });
            }
            var ok = el('button', {type: 'button', class: 'primary approve', text: '通过'});
            var no = el('button', {type: 'button', class: 'danger reject', text: '退回'});
            ok.addEventListener('click', function () { decide('approve'); });
            no.addEventListener('click', function () { decide('reject'); });
            return el('div', {class: 'review-actions'}, [comment, ok, no]);
        };
    }

    function loadReviews() {
        E.api('/api/self-reports?status=PENDING').then(function (rows) {
            E.append(E.clear($('rv-reports')), E.table([
                {label: '单位', cell: function (r) { return r.unitCode; }},
                {label: '填报日期', cell: function (r) { return r.reportDate; }},
                {label: '局域网', cell: function (r) { return r.lanPresent ? '有' : '无'; }},
                {label: '计算机/联网/人数', cell: function (r) { return r.computers + ' / ' + r.networkedComputers + ' / ' + r.staff; }},
                {label: 'OA', cell: function (r) { return r.oaInUse ? '是' : '否'; }},
                {label: '说明', class: 'wrap', cell: function (r) { return r.note || ''; }},
                {label: '提交', cell: function (r) { return (r.submittedBy || '') + ' ' + E.date(r.submittedAt); }},
                {label: '审核', cell: reviewCell('/api/self-reports/', loadReviews)}
            ], rows, {id: 'review-reports', empty: '没有待审核的自报'}));
            ready('reviews');
        }).catch(function (e) { E.showError($('rv-reports'), e); });
        E.api('/api/liaison-requests?status=PENDING').then(function (rows) {
            E.append(E.clear($('rv-liaisons')), E.table([
                {label: '单位', cell: function (r) { return r.unitCode; }},
                {label: '新联络员', cell: function (r) { return r.name + ' ' + (r.phone || ''); }},
                {label: '起始', cell: function (r) { return r.since; }},
                {label: '原因', class: 'wrap', cell: function (r) { return r.reason || ''; }},
                {label: '审核', cell: reviewCell('/api/liaison-requests/', loadReviews)}
            ], rows, {id: 'review-liaisons', empty: '没有待审核的变更'}));
        }).catch(function (e) { E.showError($('rv-liaisons'), e); });
    }

    // ---- registry administration

    var units = [], unitPage = 0;
    function loadRegistry() {
        E.api('/api/units').then(function (list) { units = list; renderUnits(); }).catch(function (e) { E.showError($('rg-units'), e); });
        E.api('/api/sites').then(function (sites) {
            E.append(E.clear($('rg-sites')), E.table([
                {label: '单位', cell: function (s) { return s.unitCode; }},
                {label: '网站', cell: function (s) { return s.name; }},
                {label: '网址', class: 'wrap', cell: function (s) { return s.url; }}
            ], sites.slice(0, 200), {empty: '没有网站'}));
        }).catch(function (e) { E.showError($('rg-sites'), e); });
        E.api('/api/nodes').then(function (nodes) {
            E.append(E.clear($('rg-nodes')), E.table([
                {label: '单位', cell: function (n) { return n.unitCode; }},
                {label: '状态', cell: function (n) { return E.NODE[n.status] || n.status; }},
                {label: '期次', class: 'num', cell: function (n) { return n.phase; }},
                {label: '终端', class: 'num', cell: function (n) { return n.terminals; }},
                {label: '带宽', class: 'num', cell: function (n) { return n.bandwidthMbps; }}
            ], nodes.slice(0, 200), {empty: '没有节点'}));
        }).catch(function (e) { E.showError($('rg-nodes'), e); });
        E.api('/api/liaisons/missing').then(function (rows) {
            E.append(E.clear($('rg-liaisons')), E.table([
                {label: '单位', cell: function (m) { return m.name + '（' + m.code + '）'; }},
                {label: '同类组', cell: function (m) { return E.groupLabel(m.peerGroup); }},
                {label: '原联络员', cell: function (m) { return m.previousName || ''; }}
            ], rows.slice(0, 200), {empty: '所有单位都已登记联络员'}));
        }).catch(function (e) { E.showError($('rg-liaisons'), e); });
        loadUsers();
    }

    function renderUnits() {
        var q = $('rg-search').value.trim().toLowerCase();
        var rows = units.filter(function (u) { return !q || (u.name + ' ' + u.code).toLowerCase().indexOf(q) >= 0; });
        var pages = Math.ceil(rows.length / PAGE);
        unitPage = Math.max(0, Math.min(unitPage, pages - 1));
        E.append(E.clear($('rg-units')), [E.table([
            {label: '编码', cell: function (u) { return u.code; }},
            {label: '名称', cell: function (u) { return u.name; }},
            {label: '同类组', cell: function (u) { return E.groupLabel(u.peerGroup); }},
            {label: '上级', cell: function (u) { return u.parentCode || ''; }},
            {label: '政务网', cell: function (u) { return E.NODE[u.networkStatus] || u.networkStatus || ''; }},
            {label: '网站数', class: 'num', cell: function (u) { return u.siteCount; }},
            {label: '', cell: function (u) {
                var b = el('button', {type: 'button', class: 'secondary', text: '编辑'});
                b.addEventListener('click', function () { editUnit(u); });
                return b;
            }}
        ], rows.slice(unitPage * PAGE, unitPage * PAGE + PAGE), {id: 'units-table'}),
            E.pager(unitPage, pages, rows.length, function (p) { unitPage = p; renderUnits(); })]);
    }

    var editing = null;
    function editUnit(u) {
        editing = u;
        $('unit-form').classList.remove('hidden');
        $('uf-code').value = u ? u.code : '';
        $('uf-code').disabled = !!u;
        $('uf-name').value = u ? u.name : '';
        $('uf-kind').value = u ? u.kind : 'DEPARTMENT';
        $('uf-parent').value = u && u.parentCode ? u.parentCode : '';
        $('uf-aliases').value = u && u.aliases ? u.aliases.join('，') : '';
        $('uf-message').hidden = true;
        $('uf-name').focus();
    }

    function say(id, text, kind) {
        var m = $(id);
        m.textContent = text;
        m.className = 'full message ' + kind;
        m.hidden = false;
    }

    function list(value) {
        return value.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(Boolean);
    }

    function saveUnit(event) {
        event.preventDefault();
        var body = {code: $('uf-code').value.trim(), name: $('uf-name').value.trim(), kind: $('uf-kind').value,
            parentCode: $('uf-parent').value.trim() || null, aliases: list($('uf-aliases').value),
            tags: editing ? editing.tags : []};
        if (editing) {
            body.peerGroup = editing.peerGroup;
        }
        var done = editing ? E.put('/api/units/' + encodeURIComponent(editing.code), body) : E.post('/api/units', body);
        done.then(function () {
            say('uf-message', '已保存。', 'ok');
            return E.api('/api/units').then(function (l) { units = l; renderUnits(); });
        }).catch(function (e) { say('uf-message', e.message, 'error'); });
    }

    var users = [], editingUser = null;
    function loadUsers() {
        E.api('/api/users').then(function (list) {
            users = list;
            E.append(E.clear($('rg-users')), E.table([
                {label: '用户名', cell: function (u) { return u.username; }},
                {label: '显示名', cell: function (u) { return u.displayName || ''; }},
                {label: '角色', cell: function (u) { return {OFFICE: '信息化办公室', LEADER: '市领导', DEPARTMENT: '部门／县区'}[u.role]; }},
                {label: '单位', cell: function (u) { return u.unitCode || ''; }},
                {label: '启用', cell: function (u) { return u.enabled ? '是' : '否'; }},
                {label: '最近登录', cell: function (u) { return E.date(u.lastLoginAt); }},
                {label: '', cell: function (u) {
                    var b = el('button', {type: 'button', class: 'secondary', text: '编辑'});
                    b.addEventListener('click', function () { editUser(u); });
                    return b;
                }}
            ], users, {id: 'users-table'}));
        }).catch(function (e) { E.showError($('rg-users'), e); });
    }

    function editUser(u) {
        editingUser = u;
        $('us-name').value = u ? u.username : '';
        $('us-name').disabled = !!u;
        $('us-display').value = u && u.displayName ? u.displayName : '';
        $('us-role').value = u ? u.role : 'DEPARTMENT';
        $('us-unit').value = u && u.unitCode ? u.unitCode : '';
        $('us-enabled').checked = u ? u.enabled : true;
        $('us-password').value = '';
        $('us-message').hidden = true;
    }

    function saveUser(event) {
        event.preventDefault();
        var body = {username: $('us-name').value.trim(), displayName: $('us-display').value.trim() || null,
            role: $('us-role').value, unitCode: $('us-unit').value.trim() || null, enabled: $('us-enabled').checked,
            password: $('us-password').value || null};
        var done = editingUser ? E.put('/api/users/' + encodeURIComponent(editingUser.username), body)
            : E.post('/api/users', body);
        done.then(function () {
            say('us-message', '用户已保存。', 'ok');
            editUser(null);
            loadUsers();
        }).catch(function (e) { say('us-message', e.message, 'error'); });
    }

    // ---- rules and what-if: other weights and thresholds scored on the same evidence, nothing saved

    // The catalogue's parameter keys (crawlers/indicators.yml) as the office reads them.
    var PARAM_LABELS = {
        probeWindowDays: '探测窗口（天）', minSamples: '最少样本数', deductFromPercent: '起扣失败率（%）',
        pointsPerPercent: '每百分点扣分', warnAtPercent: '预警失败率（%）', vetoAtPercent: '否决失败率（%）',
        deductAfterDays: '超过天数起扣', pointsPerDay: '每天扣分', warnAtDays: '预警天数', vetoAfterDays: '否决天数',
        pointsPerStaleSection: '每个滞后栏目扣分', warnAtCoreStale: '核心栏目滞后预警数',
        vetoAtCoreStale: '核心栏目滞后否决数', vetoAtShouldUpdateStale: '应更新栏目滞后否决数',
        pointsPerBlank: '每个空白栏目扣分', warnAbove: '空白栏目超过即预警', vetoAt: '空白栏目否决数',
        pointsPerMissing: '每缺一类栏目扣分', warnAtMissing: '缺栏目预警数', pointsPerBrokenLink: '每个错链扣分',
        warnAt: '错链预警数', floorPer30Days: '每 30 天最少条数', pointsPerMissingItem: '每少一条扣分',
        lookbackDays: '回看天数', pointsPerLateReply: '每条超时答复扣分', warnAfterDays: '未答复预警天数',
        pointsPlanned: '规划未接入扣分', pointsNotConnected: '未接入扣分',
        nodeFailureDeductFromPercent: '节点探测失败率起扣（%）', pointsNodeUnreliable: '节点不稳定扣分',
        pointsNoLan: '无局域网扣分', minComputersPerStaff: '人均计算机最低值', pointsLowComputers: '计算机不足扣分',
        pointsNoOa: '未用办公自动化扣分', pointsNoInternet: '无互联网接入扣分', pointsPerMissingSystem: '每缺一个系统扣分',
        pointsNoLiaison: '无联络员扣分', pointsNoPhone: '联络员无电话扣分', targetPer30Days: '每 30 天目标篇数',
        warnBelowPer90Days: '90 天少于即预警'
    };
    var GRADE_LABELS = {EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格', NOT_RATED: '未评定'};

    function loadRules() {
        E.append(E.clear($('wi-rules')), el('p', {class: 'muted', text: '正在读取…'}));
        E.api('/api/indicators').then(function (rules) {
            wi.rules = rules;
            renderRules(rules);
            ready('whatif');
        }).catch(function (e) { E.showError($('wi-rules'), e); ready('whatif'); });
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
                return E.PEER_GROUPS.filter(function (g) { return r.weights[g.id] !== undefined; })
                    .map(function (g) { return g.label + ' ' + r.weights[g.id]; }).join('，');
            }},
            {label: '阈值', class: 'wrap', cell: function (r) {
                return el('div', {class: 'params'}, Object.keys(r.params).map(function (k) {
                    return el('label', {class: 'param'}, [PARAM_LABELS[k] || k, ' ',
                        numberInput('wi-p-' + r.id + '-' + k, r.params[k], r.name + ' ' + (PARAM_LABELS[k] || k))]);
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
            ready('whatif-result');
        });
    }

    /** weights.x / thresholds.x.key named as the table shows them. */
    function whatIfProblem(error) {
        var parts = (error.field || '').split('.');
        var rule = wi.rules.indicators.filter(function (r) { return r.id === parts[1]; })[0];
        var what = !rule ? error.field : parts[0] === 'weights' ? rule.name + ' 权重'
            : rule.name + (parts[2] ? ' ' + (PARAM_LABELS[parts[2]] || parts[2]) : '');
        return what + '：' + error.reason;
    }

    function changed(r) {
        return Math.abs(r.total - r.baselineTotal) >= 0.005 || r.grade !== r.baselineGrade || r.rank !== r.baselineRank;
    }

    function gradeOf(grade) {
        return E.gradeBadge(grade, GRADE_LABELS[grade] || grade);
    }

    function renderWhatIf() {
        if (!wi.result) {
            return;
        }
        var rows = wi.result.rankings;
        var summary = E.PEER_GROUPS.map(function (g) {
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
        var pages = Math.ceil(shown.length / PAGE);
        wi.page = Math.max(0, Math.min(wi.page, pages - 1));
        E.append(E.clear($('wi-table')), shown.length ? [E.table([
            {label: '同类组', cell: function (r) { return E.groupLabel(r.peerGroup); }},
            {label: '单位', cell: function (r) {
                return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), text: r.unitName});
            }},
            {label: '现得分', class: 'num', cell: function (r) { return E.fmt(r.baselineTotal, 1); }},
            {label: '模拟得分', class: 'num', cell: function (r) { return E.fmt(r.total, 1); }},
            {label: '现等级', cell: function (r) { return gradeOf(r.baselineGrade); }},
            {label: '模拟等级', cell: function (r) { return gradeOf(r.grade); }},
            {label: '现名次', class: 'num', cell: function (r) { return r.baselineRank || '—'; }},
            {label: '模拟名次', class: 'num', cell: function (r) { return r.rank || '—'; }}
        ], shown.slice(wi.page * PAGE, wi.page * PAGE + PAGE), {id: 'whatif-table'}),
            E.pager(wi.page, pages, shown.length, function (p) { wi.page = p; renderWhatIf(); })]
            : el('p', {class: 'message ok', text: '按修改后的规则，没有单位的得分、等级或名次发生变化。'}));
    }
}());
