package org.egovmonitor.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.platform.CidrRange;

/**
 * Where a request came from and whether it came over HTTPS. Forwarding headers are believed only when the direct
 * peer is a configured trusted proxy; otherwise anybody could claim any address (and dodge the login throttle).
 */
public final class ClientAddress {

    private final List<CidrRange> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(CidrRange::parse).toList();
    }

    public String clientIp(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (fromTrustedProxy(peer)) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // Rightmost hop not added by one of our proxies: the leftmost entries are the client's to invent.
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].strip();
                    if (!hop.isEmpty() && (i == 0 || !fromTrustedProxy(hop))) {
                        return hop;
                    }
                }
            }
        }
        return peer;
    }

    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https")
                && fromTrustedProxy(request.getRemoteAddr());
    }

    private boolean fromTrustedProxy(String peer) {
        if (trustedProxies.isEmpty() || peer == null || !peer.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(peer); // a literal (checked above): no DNS lookup
            return trustedProxies.stream().anyMatch(r -> r.contains(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
