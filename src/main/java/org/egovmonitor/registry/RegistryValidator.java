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
import org.egovmonitor.platform.Messages;

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
            errors.add(FieldError.of("code", Messages.get("error.field.required")));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(FieldError.of("code", Messages.get("error.registry.codeFormat")));
        }
        String name = requiredText(errors, "name", r.name(), MAX_NAME);
        if (r.kind() == null) {
            errors.add(FieldError.of("kind", Messages.get("error.field.required")));
        }
        String parent = trim(r.parentCode());
        if (parent != null && parent.equals(code)) {
            errors.add(FieldError.of("parentCode", Messages.get("error.registry.parentIsSelf")));
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
            errors.add(FieldError.of("url", Messages.get("error.field.required")));
        } else {
            try {
                url = normalizeUrl(rawUrl);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("url", e.getMessage()));
            }
        }
        String name = requiredText(errors, "name", r.name(), MAX_NAME);
        if (r.kind() == null) {
            errors.add(FieldError.of("kind", Messages.get("error.field.required")));
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
            errors.add(FieldError.of("status", Messages.get("error.field.required")));
        }
        if (r.phase() != null && r.phase() < 1) {
            errors.add(FieldError.of("phase", Messages.get("error.field.positiveInteger")));
        }
        if (r.connectedOn() != null && r.connectedOn().isAfter(today)) {
            errors.add(FieldError.of("connectedOn", Messages.get("error.field.notAfterToday")));
        }
        if (r.status() == NodeStatus.CONNECTED && r.connectedOn() == null) {
            errors.add(FieldError.of("connectedOn", Messages.get("error.registry.connectedOnRequired")));
        }
        if (r.bandwidthMbps() != null && r.bandwidthMbps() < 0) {
            errors.add(FieldError.of("bandwidthMbps", Messages.get("error.field.notNegative")));
        }
        if (r.terminals() != null && (r.terminals() < 0 || r.terminals() > 100_000)) {
            errors.add(FieldError.of("terminals", Messages.get("error.field.between", 0, 100000)));
        }
        String probeHost = trim(r.probeHost());
        if ((probeHost == null) != (r.probePort() == null)) {
            errors.add(FieldError.of(probeHost == null ? "probeHost" : "probePort",
                    Messages.get("error.registry.probeHostAndPort")));
        }
        if (probeHost != null && (probeHost.length() > 253 || !probeHost.matches("^[A-Za-z0-9.:\\-\\[\\]]+$"))) {
            errors.add(FieldError.of("probeHost", Messages.get("error.registry.probeHost")));
        }
        if (r.probePort() != null && (r.probePort() < 1 || r.probePort() > 65535)) {
            errors.add(FieldError.of("probePort", Messages.get("error.field.between", 1, 65535)));
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
            errors.add(FieldError.of("phone", Messages.get("error.registry.phone")));
        }
        String email = trim(r.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(FieldError.of("email", Messages.get("error.registry.email")));
        }
        if (r.since() == null) {
            errors.add(FieldError.of("since", Messages.get("error.field.required")));
        } else if (r.since().isAfter(today)) {
            errors.add(FieldError.of("since", Messages.get("error.field.notAfterToday")));
        }
        return errors.isEmpty()
                ? new Checked<>(new LiaisonRequest(unitCode, name, phone, email, r.since()), errors)
                : new Checked<>(null, errors);
    }

    /** A leader row of a registry file: its unit, a name ({@link #leaderName}) and a post ({@link #leaderPost}). */
    public static Checked<LeaderRequest> leader(LeaderRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String unitCode = requiredText(errors, "unitCode", r.unitCode(), 64);
        String name = leaderName(errors, "name", r.name());
        String post = leaderPost(errors, "post", r.post());
        return errors.isEmpty() ? new Checked<>(new LeaderRequest(unitCode, name, post), errors)
                : new Checked<>(null, errors);
    }

    /** A leader's name, stripped: 2 to 40 characters (the wording check looks for it in page text). */
    static String leaderName(List<FieldError> errors, String field, String value) {
        String name = value == null ? "" : value.strip();
        if (name.length() < 2 || name.length() > 40) {
            errors.add(FieldError.of(field, Messages.get("error.registry.leaders.name")));
        }
        return name;
    }

    /** A leader's post, stripped: 1 to 100 characters. */
    static String leaderPost(List<FieldError> errors, String field, String value) {
        String post = value == null ? "" : value.strip();
        if (post.isEmpty() || post.length() > 100) {
            errors.add(FieldError.of(field, Messages.get("error.registry.leaders.post")));
        }
        return post;
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
            throw new IllegalArgumentException(Messages.get("error.registry.url.invalid"));
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(Messages.get("error.registry.url.scheme"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(Messages.get("error.registry.url.noHost"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(Messages.get("error.registry.url.userInfo"));
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
            errors.add(FieldError.of(field, Messages.get("error.field.required")));
            return null;
        }
        if (v.length() > max) {
            errors.add(FieldError.of(field, Messages.get("error.field.tooLong", max)));
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
                errors.add(FieldError.of(field, Messages.get("error.field.blankItem")));
            } else if (v.length() > MAX_LIST_ITEM) {
                errors.add(FieldError.of(field, Messages.get("error.field.itemTooLong", MAX_LIST_ITEM)));
            } else {
                out.add(v);
            }
        }
        if (out.size() > MAX_LIST) {
            errors.add(FieldError.of(field, Messages.get("error.field.tooManyItems", MAX_LIST)));
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
