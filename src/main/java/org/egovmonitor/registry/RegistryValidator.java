package org.egovmonitor.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.egovmonitor.errors.FieldError;

/**
 * The registry's field rules, as pure functions: the API and the file importer both call them, so a row that the
 * API refuses is refused by import too, with the same reason. References to other rows (does the parent unit
 * exist?) need the database and are checked by the callers.
 */
public final class RegistryValidator {

    public static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{5,30}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_NAME = 200;
    private static final int MAX_LIST = 50;
    private static final int MAX_LIST_ITEM = 100;

    private RegistryValidator() {
    }

    /** A validated value, or the reasons it is not valid (value is null then). */
    public record Checked<T>(T value, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Checked<Unit> unit(UnitRequest r, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        String code = trim(r.code());
        if (code == null) {
            errors.add(FieldError.of("code", "不能为空"));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(FieldError.of("code", "只能包含小写字母、数字和连字符，以字母或数字开头，长度 2-64"));
        }
        String name = requiredText(errors, "name", r.name(), MAX_NAME);
        if (r.kind() == null) {
            errors.add(FieldError.of("kind", "不能为空"));
        }
        String parent = trim(r.parentCode());
        if (parent != null && parent.equals(code)) {
            errors.add(FieldError.of("parentCode", "不能是单位自己"));
        }
        List<String> aliases = textList(errors, "aliases", r.aliases());
        List<String> tags = textList(errors, "tags", r.tags());
        if (!errors.isEmpty()) {
            return new Checked<>(null, errors);
        }
        PeerGroup group = r.peerGroup() != null ? r.peerGroup() : r.kind().defaultPeerGroup();
        return new Checked<>(new Unit(code, name, r.kind(), parent, group, aliases, tags, demo), errors);
    }

    public static Checked<SiteRequest> site(SiteRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String url = null;
        String rawUrl = trim(r.url());
        if (rawUrl == null) {
            errors.add(FieldError.of("url", "不能为空"));
        } else {
            try {
                url = normalizeUrl(rawUrl);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("url", e.getMessage()));
            }
        }
        String name = requiredText(errors, "name", r.name(), MAX_NAME);
        if (r.kind() == null) {
            errors.add(FieldError.of("kind", "不能为空"));
        }
        String unitCode = requiredText(errors, "unitCode", r.unitCode(), 64);
        boolean monitored = r.monitored() == null || r.monitored();
        return errors.isEmpty()
                ? new Checked<>(new SiteRequest(url, name, r.kind(), unitCode, monitored), errors)
                : new Checked<>(null, errors);
    }

    public static Checked<NetworkNode> node(NodeRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String unitCode = requiredText(errors, "unitCode", r.unitCode(), 64);
        if (r.status() == null) {
            errors.add(FieldError.of("status", "不能为空"));
        }
        if (r.phase() != null && r.phase() < 1) {
            errors.add(FieldError.of("phase", "必须是正整数"));
        }
        if (r.connectedOn() != null && r.connectedOn().isAfter(today)) {
            errors.add(FieldError.of("connectedOn", "不能晚于今天"));
        }
        if (r.status() == NodeStatus.CONNECTED && r.connectedOn() == null) {
            errors.add(FieldError.of("connectedOn", "已接入的节点必须填写接入日期"));
        }
        if (r.bandwidthMbps() != null && r.bandwidthMbps() < 0) {
            errors.add(FieldError.of("bandwidthMbps", "不能为负数"));
        }
        if (r.terminals() != null && (r.terminals() < 0 || r.terminals() > 100_000)) {
            errors.add(FieldError.of("terminals", "必须在 0 到 100000 之间"));
        }
        String probeHost = trim(r.probeHost());
        if ((probeHost == null) != (r.probePort() == null)) {
            errors.add(FieldError.of(probeHost == null ? "probeHost" : "probePort", "探测主机和端口须同时填写或同时留空"));
        }
        if (probeHost != null && (probeHost.length() > 253 || !probeHost.matches("^[A-Za-z0-9.:\\-\\[\\]]+$"))) {
            errors.add(FieldError.of("probeHost", "不是有效的主机名或 IP 地址"));
        }
        if (r.probePort() != null && (r.probePort() < 1 || r.probePort() > 65535)) {
            errors.add(FieldError.of("probePort", "必须在 1 到 65535 之间"));
        }
        return errors.isEmpty()
                ? new Checked<>(new NetworkNode(unitCode, r.status(), r.phase(), r.connectedOn(), r.bandwidthMbps(),
                        r.terminals(), probeHost, r.probePort()), errors)
                : new Checked<>(null, errors);
    }

    public static Checked<LiaisonRequest> liaison(LiaisonRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String unitCode = requiredText(errors, "unitCode", r.unitCode(), 64);
        String name = requiredText(errors, "name", r.name(), 50);
        String phone = trim(r.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(FieldError.of("phone", "电话号码格式不正确"));
        }
        String email = trim(r.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(FieldError.of("email", "电子邮箱格式不正确"));
        }
        if (r.since() == null) {
            errors.add(FieldError.of("since", "不能为空"));
        } else if (r.since().isAfter(today)) {
            errors.add(FieldError.of("since", "不能晚于今天"));
        }
        return errors.isEmpty()
                ? new Checked<>(new LiaisonRequest(unitCode, name, phone, email, r.since()), errors)
                : new Checked<>(null, errors);
    }

    /**
     * The canonical form of a site URL, so that one site is one row: http(s) only, lower-case scheme and host,
     * default port dropped, an empty path becomes "/", no fragment.
     */
    public static String normalizeUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("不是有效的网址");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("网址必须以 http:// 或 https:// 开头");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("网址缺少主机名");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("网址不能包含用户名或密码");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme)
                && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + query;
    }

    private static String requiredText(List<FieldError> errors, String field, String value, int max) {
        String v = trim(value);
        if (v == null) {
            errors.add(FieldError.of(field, "不能为空"));
            return null;
        }
        if (v.length() > max) {
            errors.add(FieldError.of(field, "长度不能超过 " + max));
            return null;
        }
        return v;
    }

    private static List<String> textList(List<FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String v = trim(value);
            if (v == null) {
                errors.add(FieldError.of(field, "不能包含空值"));
            } else if (v.length() > MAX_LIST_ITEM) {
                errors.add(FieldError.of(field, "每项长度不能超过 " + MAX_LIST_ITEM));
            } else {
                out.add(v);
            }
        }
        if (out.size() > MAX_LIST) {
            errors.add(FieldError.of(field, "最多 " + MAX_LIST + " 项"));
        }
        return List.copyOf(out);
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
