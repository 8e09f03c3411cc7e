// The login page's behaviour. No inline script anywhere (Content-Security-Policy: default-src 'self').
// Without JavaScript the form still posts to /auth/login and is redirected on success.
(function () {
    'use strict';

    var form = document.getElementById('login-form');
    var message = document.getElementById('message');
    var button = document.getElementById('submit');
    var params = new URLSearchParams(window.location.search);

    // Only a local path may be the next page (the server checks again).
    var next = params.get('next');
    if (next && next.charAt(0) === '/' && next.charAt(1) !== '/') {
        document.getElementById('next').value = next;
    }

    function show(text, kind) {
        message.textContent = text; // textContent: never interpreted as HTML
        message.className = 'message ' + kind;
        message.hidden = false;
    }

    if (params.has('loggedOut')) {
        show('您已退出登录。', 'info');
    } else if (params.has('next')) {
        show('请先登录。', 'info');
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        button.disabled = true;
        message.hidden = true;
        fetch(form.action, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'},
            body: new URLSearchParams(new FormData(form))
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (response.ok) {
                    window.location.assign(body.redirect || '/');
                    return;
                }
                var text = body.message || ('登录失败（' + response.status + '）');
                if (response.status === 429) {
                    var wait = response.headers.get('Retry-After');
                    if (wait) {
                        text = '登录失败次数过多，请在 ' + wait + ' 秒后再试。';
                    }
                }
                show(text, 'error');
                document.getElementById('password').value = '';
                button.disabled = false;
            });
        }).catch(function () {
            show('无法连接服务器，请稍后再试。', 'error');
            button.disabled = false;
        });
    });
}());
