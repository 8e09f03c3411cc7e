// Shared helpers of the dashboards. Loaded before each page's own script (no inline script: CSP default-src 'self').
// Every piece of data reaches the DOM through textContent or DOM properties, never innerHTML: crawled titles and
// user-supplied text are hostile.
(function () {
    'use strict';

    var GRADE_CLASS = {EXCELLENT: 'g-excellent', GOOD: 'g-good', PASS: 'g-pass', FAIL: 'g-fail', NOT_RATED: 'g-none'};
    // The Chinese names of the server's enums ({enum: {CONSTANT: label}}), read once from /api/labels by start():
    // the enums carry them, the pages keep no copy.
    var labels = {};
    var me = null;

    /** el('td', {class: 'num', text: 5}, [children]): builds an element; text goes in as textContent only. */
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        if (attrs) {
            Object.keys(attrs).forEach(function (key) {
                var value = attrs[key];
                if (value === null || value === undefined || value === false) {
                    return;
                }
                if (key === 'text') {
                    node.textContent = String(value);
                } else if (key === 'class') {
                    node.className = value;
                } else if (key === 'href') {
                    node.setAttribute('href', safeHref(value));
                } else if (key.indexOf('on') === 0) {
                    throw new Error('no handlers through el()');
                } else {
                    node.setAttribute(key, value === true ? '' : String(value));
                }
            });
        }
        append(node, children);
        return node;
    }

    function append(node, children) {
        if (children === null || children === undefined) {
            return node;
        }
        (Array.isArray(children) ? children : [children]).forEach(function (c) {
            if (c === null || c === undefined || c === false) {
                return;
            }
            node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
        });
        return node;
    }

    /** Only http(s) and local links become hrefs: a crawled "javascript:" URL is shown, never followed. */
    function safeHref(url) {
        var s = String(url);
        if (/^https?:\/\//i.test(s) || (s.charAt(0) === '/' && s.charAt(1) !== '/') || s.charAt(0) === '#'
                || s.charAt(0) === '?') {
            return s;
        }
        return '#';
    }

    function clear(node) {
        while (node.firstChild) {
            node.removeChild(node.firstChild);
        }
        return node;
    }

    function $(id) {
        return document.getElementById(id);
    }

    function ApiError(status, message, errors) {
        this.status = status;
        this.message = message;
        this.errors = errors || [];
    }
    ApiError.prototype = Object.create(Error.prototype);

    /** JSON from the API; a lost session goes back to the login page. */
    function api(path, options) {
        var opts = options || {};
        var headers = {'Accept': 'application/json'};
        if (opts.body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (opts.method && opts.method !== 'GET') {
            headers['X-CSRF-Token'] = me ? me.csrfToken : '';
        }
        return fetch(path, {
            method: opts.method || 'GET', credentials: 'same-origin', headers: headers,
            body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
        }).then(function (r) {
            if (r.status === 401) {
                window.location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
                throw new ApiError(401, '请先登录');
            }
            if (r.status === 204) {
                return null;
            }
            return r.json().catch(function () { return {}; }).then(function (body) {
                if (!r.ok) {
                    var msg = body.message || ('请求失败（' + r.status + '）');
                    if (body.errors && body.errors.length) {
                        msg += '：' + body.errors.map(function (e) {
                            return (e.line ? '第 ' + e.line + ' 行 ' : '') + (e.field ? e.field + ' ' : '')
                                + (e.reason || e.message || '');
                        }).join('；');
                    }
                    throw new ApiError(r.status, msg, body.errors);
                }
                return body;
            });
        });
    }

    function post(path, body) {
        return api(path, {method: 'POST', body: body === undefined ? {} : body});
    }

    function put(path, body) {
        return api(path, {method: 'PUT', body: body});
    }

    /** The top bar: title, who is logged in, logout; the demo banner when the service runs on demo data. */
    function start(title, allowedRoles) {
        return Promise.all([api('/api/me'), api('/api/labels')]).then(function (answers) {
            var m = answers[0];
            me = m;
            labels = answers[1];
            if (allowedRoles && allowedRoles.indexOf(m.role) < 0) {
                window.location.replace('/');
                throw new ApiError(403, '没有权限');
            }
            var bar = $('topbar');
            var logout = el('button', {type: 'button', class: 'link-button', id: 'logout', text: '退出登录'});
            logout.addEventListener('click', function () {
                post('/auth/logout').catch(function () { return null; }).then(function () {
                    window.location.assign('/login.html?loggedOut=1');
                });
            });
            var who = (m.displayName || m.username) + ' · ' + label('Role', m.role)
                + (m.unitName ? ' · ' + m.unitName : '');
            append(clear(bar), [
                el('div', {class: 'brand'}, [el('span', {class: 'brand-mark', text: '池'}),
                    el('span', {text: '电子政务信息化监测评估平台'}), el('span', {class: 'page-title', text: title})]),
                el('div', {class: 'who'}, [el('span', {id: 'who', text: who}), logout])]);
            if (m.demo) {
                var banner = el('div', {class: 'demo-banner', id: 'demo-banner', role: 'note',
                    text: '演示数据：本页所示单位、网站与评分均为演示用生成数据，不代表真实情况。'});
                bar.parentNode.insertBefore(banner, bar.nextSibling);
            }
            return m;
        });
    }

    function showError(container, error) {
        var msg = error && error.message ? error.message : String(error);
        append(clear(container), el('p', {class: 'message error', text: msg}));
    }

    function fmt(n, digits) {
        if (n === null || n === undefined || isNaN(n)) {
            return '—';
        }
        return Number(n).toFixed(digits === undefined ? 1 : digits);
    }

    /** A grade as a coloured badge, named by the API's label for it unless a text is given. */
    function gradeBadge(grade, text) {
        return el('span', {class: 'grade ' + (GRADE_CLASS[grade] || 'g-none'),
            text: text || (grade ? label('Grade', grade) : '—')});
    }

    /** ▲ up n (better), ▼ down n, – unchanged, 新 new entry. rankChange = previous rank − rank. */
    function rankChange(change) {
        if (change === null || change === undefined) {
            return el('span', {class: 'chg chg-new', title: '上期无排名', text: '新'});
        }
        if (change > 0) {
            return el('span', {class: 'chg chg-up', title: '名次上升 ' + change, text: '▲' + change});
        }
        if (change < 0) {
            return el('span', {class: 'chg chg-down', title: '名次下降 ' + (-change), text: '▼' + (-change)});
        }
        return el('span', {class: 'chg chg-same', title: '名次不变', text: '–'});
    }

    function date(iso) {
        if (!iso) {
            return '—';
        }
        var d = new Date(iso);
        if (isNaN(d.getTime())) {
            return String(iso);
        }
        function p(n) { return n < 10 ? '0' + n : '' + n; }
        return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':'
            + p(d.getMinutes());
    }

    /** A table from column specs {label, cell(row) → node|string, class}; rows may be empty. */
    function table(columns, rows, options) {
        var opts = options || {};
        var thead = el('thead', null, el('tr', null, columns.map(function (c) {
            var th = el('th', {class: c.class, scope: 'col', title: c.title}, c.label);
            if (c.sortKey && opts.onSort) {
                th.classList.add('sortable');
                if (opts.sortKey === c.sortKey) {
                    th.classList.add(opts.sortDir > 0 ? 'sorted-asc' : 'sorted-desc');
                    th.setAttribute('aria-sort', opts.sortDir > 0 ? 'ascending' : 'descending');
                }
                th.tabIndex = 0;
                th.addEventListener('click', function () { opts.onSort(c.sortKey); });
                th.addEventListener('keydown', function (e) {
                    if (e.key === 'Enter') {
                        opts.onSort(c.sortKey);
                    }
                });
            }
            return th;
        })));
        var tbody = el('tbody');
        if (!rows.length) {
            tbody.appendChild(el('tr', null, el('td', {colspan: columns.length, class: 'empty',
                text: opts.empty || '暂无数据'})));
        }
        rows.forEach(function (row) {
            tbody.appendChild(el('tr', {class: opts.rowClass ? opts.rowClass(row) : null}, columns.map(function (c) {
                var v = c.cell(row);
                return el('td', {class: c.class}, v === null || v === undefined ? '—' : v);
            })));
        });
        return el('table', {class: 'data' + (opts.class ? ' ' + opts.class : ''), id: opts.id}, [thead, tbody]);
    }

    /**
     * A measurement's sections with their sub-columns (子栏目) as nested rows under each section; every text is as
     * crawled (hostile) and goes in as textContent only.
     */
    function sectionTree(sections) {
        var rows = [];
        sections.forEach(function (s) {
            rows.push(s);
            (s.children || []).forEach(function (c) { rows.push(Object.assign({child: true}, c)); });
            if (s.childrenNotFetched > 0) {
                rows.push({child: true, note: '另有 ' + s.childrenNotFetched + ' 个子栏目因抓取页数上限未读'});
            }
        });
        return table([
            {label: '栏目（抓取原文）', class: 'crawl-title', cell: function (x) {
                return x.child ? el('span', {class: 'sub-column', text: '└ ' + (x.note || x.title || '')}) : x.title || '';
            }},
            {label: '类别', cell: function (x) {
                return x.child ? '子栏目' : x.family ? label('SectionFamily', x.family) : '未识别';
            }},
            {label: '最新日期', cell: function (x) {
                if (x.note) {
                    return '';
                }
                // A list without dates is dated by its content: unchanged since the first round that saw it so.
                if (!x.newestDate && x.unchangedSince) {
                    return '无日期，内容自 ' + x.unchangedSince + ' 起未变化';
                }
                return x.newestDate || '—';
            }},
            {label: '条目', class: 'num', cell: function (x) { return x.note ? '' : x.items; }},
            {label: '状态', cell: function (x) {
                if (x.note) {
                    return '';
                }
                if (x.status !== 200 && !x.blank && !x.items) {
                    return x.status ? '无法访问（HTTP ' + x.status + '）' : '无法访问';
                }
                return x.blank ? '空白' : '正常';
            }},
            {label: '链接', class: 'wrap', cell: function (x) {
                return x.url ? el('a', {href: x.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: x.url}) : '';
            }}
        ], rows, {class: 'crawl-sections', empty: '没有识别到栏目',
            rowClass: function (x) { return x.child ? 'crawl-child' : null; }});
    }

    /** Page buttons under a long table: « ‹ 第 n / m 页 › ». */
    function pager(page, pages, total, onPage) {
        function btn(text, target, disabled, label) {
            var b = el('button', {type: 'button', class: 'page-btn', text: text, disabled: disabled,
                'aria-label': label});
            b.addEventListener('click', function () { onPage(target); });
            return b;
        }
        return el('div', {class: 'pager'}, [
            btn('«', 0, page <= 0, '首页'), btn('‹', page - 1, page <= 0, '上一页'),
            el('span', {class: 'page-info', text: '第 ' + (page + 1) + ' / ' + Math.max(pages, 1) + ' 页 · 共 '
                + total + ' 条'}),
            btn('›', page + 1, page >= pages - 1, '下一页'), btn('»', pages - 1, page >= pages - 1, '末页')]);
    }

    function chartDefaults() {
        if (window.Chart) {
            Chart.defaults.animation = false;
            Chart.defaults.responsive = true;
            Chart.defaults.maintainAspectRatio = false;
            Chart.defaults.font.family = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
            Chart.defaults.color = '#3a4a5c';
        }
    }

    var PALETTE = ['#1e5fa8', '#e0a100', '#b71c1c', '#2e7d32', '#6a4c93', '#00838f', '#8d6e63', '#5c6bc0'];

    /** Replaces the chart on a canvas (a refresh must not stack charts). */
    var charts = {};
    function chart(canvasId, config) {
        if (charts[canvasId]) {
            charts[canvasId].destroy();
        }
        charts[canvasId] = new Chart($(canvasId), config);
        return charts[canvasId];
    }

    function historyChart(canvasId, points) {
        return chart(canvasId, {
            type: 'line',
            data: {
                labels: points.map(function (p) { return p.day; }),
                datasets: [{label: '得分', data: points.map(function (p) { return p.total; }),
                    borderColor: '#1e5fa8', backgroundColor: 'rgba(30,95,168,0.15)', fill: true, tension: 0.2,
                    pointRadius: points.length > 60 ? 0 : 3}]
            },
            options: {scales: {y: {min: 0, max: 100, title: {display: true, text: '分'}}},
                plugins: {legend: {display: false}}}
        });
    }

    /** The Chinese name of an enum constant (label('Grade', 'FAIL')); one the labels lack is shown as stored. */
    function label(enumName, constant) {
        var names = labels[enumName] || {};
        return Object.prototype.hasOwnProperty.call(names, constant) ? names[constant] : constant;
    }

    /** An enum's constants in the server's order, as [{id, label}]. */
    function constants(enumName) {
        var names = labels[enumName] || {};
        return Object.keys(names).map(function (id) { return {id: id, label: names[id]}; });
    }

    /** Appends an option per constant of an enum to a select (after any options the page wrote itself). */
    function enumOptions(select, enumName) {
        constants(enumName).forEach(function (c) { select.appendChild(el('option', {value: c.id, text: c.label})); });
        return select;
    }

    /** A form's message line: text with kind 'ok' or 'error'. */
    function say(id, text, kind) {
        var m = $(id);
        m.textContent = text;
        m.className = 'full message ' + kind;
        m.hidden = false;
    }

    /** A list typed into one field, split on Latin or Chinese commas and 、. */
    function splitList(value) {
        return value.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(Boolean);
    }

    /** A finding as a list item: what, the line it crossed, evidence (a link only for http/https) and the fix. */
    function finding(f, indicatorName) {
        var ev = f.evidence || {};
        var evidence = [];
        if (ev.url) {
            evidence.push(el('a', {href: ev.url, target: '_blank', rel: 'noopener noreferrer nofollow',
                class: 'evidence-link', text: ev.url}));
        }
        if (ev.date) {
            evidence.push(el('span', {class: 'muted', text: ' 日期 ' + ev.date}));
        }
        if (ev.httpStatus) {
            evidence.push(el('span', {class: 'muted', text: ' HTTP ' + ev.httpStatus}));
        }
        if (ev.errorKind) {
            evidence.push(el('span', {class: 'muted', text: ' 错误 ' + label('FetchErrorKind', ev.errorKind)}));
        }
        var kindClass = {VETO: 'k-veto', WARNING: 'k-warn', DEDUCTION: 'k-deduct'}[f.kind] || '';
        return el('li', {class: 'finding ' + kindClass}, [
            el('div', {class: 'finding-head'}, [
                el('span', {class: 'kind', text: label('FindingKind', f.kind)}),
                el('strong', {text: indicatorName || f.indicator}),
                f.points ? el('span', {class: 'lost', text: '−' + fmt(f.points, 2) + ' 分'}) : null]),
            el('p', {class: 'finding-msg', text: f.message || ''}),
            f.observed || f.threshold ? el('p', {class: 'muted', text: [f.observed ? '观测：' + f.observed : null,
                f.threshold ? '标准：' + f.threshold : null].filter(Boolean).join('　')}) : null,
            f.siteUrl ? el('p', {class: 'muted', text: '网站：' + f.siteUrl}) : null,
            evidence.length ? el('p', {class: 'evidence'}, [el('span', {text: '证据：'})].concat(evidence)) : null,
            f.hint ? el('p', {class: 'hint-fix', text: '整改建议：' + f.hint}) : null]);
    }

    /** Tabs driven by the location hash; onShow(name) runs when a tab opens. */
    function tabs(onShow) {
        var links = Array.prototype.slice.call(document.querySelectorAll('.tabs a[data-tab]'));
        function show() {
            var name = (location.hash || '').replace(/^#/, '').split('/')[0] || links[0].getAttribute('data-tab');
            if (!$('tab-' + name)) {
                name = links[0].getAttribute('data-tab');
            }
            links.forEach(function (a) {
                var on = a.getAttribute('data-tab') === name;
                a.classList.toggle('active', on);
                a.setAttribute('aria-selected', on ? 'true' : 'false');
                $('tab-' + a.getAttribute('data-tab')).hidden = !on;
            });
            onShow(name, (location.hash || '').replace(/^#/, '').split('/').slice(1).join('/'));
        }
        window.addEventListener('hashchange', show);
        show();
    }

    /** Marks the page (or one of its parts) ready, with the time since navigation start (benchmarks read it). */
    function markReady(attribute, value) {
        document.body.setAttribute(attribute, value || 'true');
        document.body.setAttribute(attribute + '-ms', String(Math.round(performance.now())));
    }

    window.Egov = {
        el: el, append: append, clear: clear, $: $, api: api, post: post, put: put, start: start,
        showError: showError, fmt: fmt, gradeBadge: gradeBadge, rankChange: rankChange, date: date, table: table,
        sectionTree: sectionTree,
        pager: pager, chart: chart, chartDefaults: chartDefaults, historyChart: historyChart, finding: finding,
        markReady: markReady, tabs: tabs, label: label, constants: constants, enumOptions: enumOptions, say: say,
        splitList: splitList, safeHref: safeHref, PALETTE: PALETTE,
        me: function () { return me; }
    };
}());
