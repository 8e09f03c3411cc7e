// Office tab 告警: the delivery log (filter, CSV export, test message) and the units whose alerts are switched off.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    O.register('alerts', {
        wire: function () {
            E.enumOptions($('al-status'), 'DeliveryStatus');
            $('al-status').addEventListener('change', loadDeliveries);
            $('al-test').addEventListener('click', sendTest);
            $('al-optout-form').addEventListener('submit', function (ev) {
                ev.preventDefault();
                var code = $('al-optout-code').value.trim();
                if (code) {
                    E.put('/api/alerts/opt-outs/' + encodeURIComponent(code), {}).then(function (list) {
                        $('al-optout-code').value = '';
                        showOptOuts(list);
                    }).catch(function (e) { E.showError($('al-optout-msg'), e); });
                }
            });
        },
        show: function () {
            loadDeliveries();
            E.api('/api/alerts/opt-outs').then(showOptOuts).catch(function (e) { E.showError($('al-optouts'), e); });
        }
    });

    function query() {
        return $('al-status').value ? '?status=' + encodeURIComponent($('al-status').value) : '';
    }

    function loadDeliveries() {
        $('al-csv').href = '/api/alerts/deliveries.csv' + query();
        E.api('/api/alerts/deliveries' + query()).then(function (rows) {
            E.append(E.clear($('al-table')), E.table([
                {label: '生成时间', cell: function (d) { return E.date(d.createdAt); }},
                {label: '单位', cell: function (d) {
                    return d.unitCode ? el('a', {href: '#unit/' + encodeURIComponent(d.unitCode), text: d.unitName || d.unitCode}) : '—';
                }},
                {label: '事项', cell: function (d) { return E.label('AlertKind', d.kind); }},
                {label: '渠道', cell: function (d) { return E.label('Channel', d.channel); }},
                {label: '接收方', cell: function (d) { return d.recipient; }},
                {label: '方式', cell: function (d) { return E.label('DeliveryMode', d.mode); }},
                {label: '标题', class: 'wrap', cell: function (d) { return d.subject; }},
                {label: '状态', cell: function (d) { return E.label('DeliveryStatus', d.status); }},
                {label: '尝试', class: 'num', cell: function (d) { return String(d.attempts); }},
                {label: '最近错误', class: 'wrap', cell: function (d) { return d.lastError || ''; }}
            ], rows, {id: 'alert-deliveries', empty: '尚无告警消息'}));
            O.ready('alerts');
        }).catch(function (e) { E.showError($('al-table'), e); });
    }

    function showOptOuts(list) {
        E.append(E.clear($('al-optouts')), E.table([
            {label: '单位', cell: function (o) { return o.unitName + '（' + o.unitCode + '）'; }},
            {label: '操作人', cell: function (o) { return o.byUser; }},
            {label: '关闭时间', cell: function (o) { return E.date(o.since); }},
            {label: '', cell: function (o) {
                var b = el('button', {type: 'button', class: 'secondary', text: '恢复告警', 'data-unit': o.unitCode});
                b.addEventListener('click', function () {
                    E.api('/api/alerts/opt-outs/' + encodeURIComponent(o.unitCode), {method: 'DELETE'})
                        .then(showOptOuts).catch(function (e) { window.alert(e.message); });
                });
                return b;
            }}
        ], list, {id: 'alert-optouts', empty: '所有单位的告警均已开启'}));
    }

    function sendTest() {
        $('al-test').disabled = true;
        E.post('/api/alerts/test').then(function (rows) {
            var sent = rows.filter(function (d) { return d.status === 'SENT'; }).length;
            E.clear($('al-test-msg')).textContent = '测试消息：' + sent + ' / ' + rows.length + ' 个接收方发送成功';
            loadDeliveries();
        }).catch(function (e) { E.showError($('al-test-msg'), e); })
            .then(function () { $('al-test').disabled = false; });
    }
}());
