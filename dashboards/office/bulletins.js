// Office tab 通报: the kept reports (download as Word or PDF, regenerate) and a form to generate one for a period.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    O.register('bulletins', {
        wire: function () {
            E.enumOptions($('bl-kind'), 'BulletinKind');
            $('bl-kind').value = 'MONTHLY';
            $('bl-kind').addEventListener('change', showPeriodFields);
            $('bl-form').addEventListener('submit', generate);
            showPeriodFields();
        },
        show: loadBulletins
    });

    function showPeriodFields() {
        var custom = $('bl-kind').value === 'CUSTOM';
        document.querySelectorAll('#bl-form .bl-custom').forEach(function (n) { n.hidden = !custom; });
        document.querySelectorAll('#bl-form .bl-calendar').forEach(function (n) { n.hidden = custom; });
    }

    function status(text) {
        $('bl-status').textContent = text;
    }

    function generate(event) {
        event.preventDefault();
        var kind = $('bl-kind').value;
        var body = {kind: kind};
        if (kind === 'CUSTOM') {
            body.from = $('bl-from').value || null;
            body.to = $('bl-to').value || null;
        } else if ($('bl-date').value) {
            body.date = $('bl-date').value;
        }
        $('bl-generate').disabled = true;
        status('正在生成…');
        E.post('/api/bulletins', body).then(function (b) {
            status('已生成：' + describe(b));
            loadBulletins();
        }).catch(function (e) {
            status('');
            E.showError($('bl-table'), e);
        }).then(function () { $('bl-generate').disabled = false; });
    }

    function regenerate(b) {
        status('正在重新生成…');
        E.post('/api/bulletins/' + b.id + '/regenerate').then(function (again) {
            status('已重新生成：' + describe(again));
            loadBulletins();
        }).catch(function (e) { status(e.message); });
    }

    function describe(b) {
        return E.label('BulletinKind', b.kind) + ' ' + b.periodFrom + ' 至 ' + b.periodTo;
    }

    function size(bytes) {
        return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    function loadBulletins() {
        E.api('/api/bulletins').then(function (list) {
            E.append(E.clear($('bl-table')), E.table([
                {label: '类型', cell: function (b) { return E.label('BulletinKind', b.kind); }},
                {label: '周期', cell: function (b) { return b.periodFrom + ' 至 ' + b.periodTo; }},
                {label: '评分快照', cell: function (b) { return b.snapshotDay; }},
                {label: '环比对照', cell: function (b) { return b.previousDay || '无'; }},
                {label: '生成时间', cell: function (b) { return E.date(b.generatedAt); }},
                {label: '生成方式', cell: function (b) { return b.generatedBy === 'SCHEDULED' ? '定时生成' : b.generatedBy; }},
                {label: '下载', cell: function (b) {
                    return el('span', null, [
                        el('a', {href: '/api/bulletins/' + b.id + '/docx', class: 'bl-docx',
                            text: 'Word（' + size(b.docxBytes) + '）'}), ' ',
                        el('a', {href: '/api/bulletins/' + b.id + '/pdf', class: 'bl-pdf',
                            text: 'PDF（' + size(b.pdfBytes) + '）'})]);
                }},
                {label: '', cell: function (b) {
                    var button = el('button', {type: 'button', class: 'secondary', text: '重新生成'});
                    button.addEventListener('click', function () { regenerate(b); });
                    return button;
                }}
            ], list, {id: 'bulletins-table', empty: '尚无通报'}));
            O.ready('bulletins');
        }).catch(function (e) { E.showError($('bl-table'), e); });
    }
}());
