package org.egovmonitor.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@link NetworkProbes} of {@link HttpPageFetcher}: plain sockets, but every address comes from the fetcher's
 * {@link GuardedDns} (guard, host overrides, lookup deadline) and is connected to under the fetcher's connect and
 * read timeouts; the fetcher runs each probe in the host's politeness turn. The TLS handshake uses the fetcher's
 * own socket factory, so it trusts exactly what page fetches trust, and verifies the host name as HTTPS does.
 * Through a proxy nothing is probed: the monitor then cannot reach sites directly.
 */
final class NetworkProber {

    /** IPv6 addresses tried at most. */
    private static final int MAX_ADDRESSES = 4;

    private final FetchSettings settings;
    private final GuardedDns dns;
    private final HostOverrides overrides;
    private final SSLSocketFactory tls;

    NetworkProber(FetchSettings settings, GuardedDns dns, HostOverrides overrides, SSLSocketFactory tls) {
        this.settings = settings;
        this.dns = dns;
        this.overrides = overrides;
        this.tls = tls;
    }

    TlsProbe tls(String host, int urlPort, Deadline deadline) {
        if (settings.proxyHost() != null) {
            return TlsProbe.of(TlsProbe.Outcome.NOT_PROBED, "经代理抓取，未直接探测证书");
        }
        int port = overrides.port(host, urlPort);
        InetAddress address;
        try {
            address = dns.guardedLookup(host, port, deadline).get(0);
        } catch (FetchFailure f) {
            // the homepage was just fetched from this host: a failing lookup now is transient (or a refused
            // address), not evidence about HTTPS
            return TlsProbe.of(TlsProbe.Outcome.NOT_PROBED, f.kind().label());
        }
        try (Socket raw = new Socket()) {
            try {
                raw.connect(new InetSocketAddress(address, port), timeout(settings.connectTimeoutMs(), deadline));
            } catch (SocketTimeoutException e) {
                return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, FetchErrorKind.CONNECT_TIMEOUT.label());
            }
            raw.setSoTimeout(timeout(settings.readTimeoutMs(), deadline));
            try (SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, port, true)) {
                SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!TargetUrls.isIpLiteral(host)) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(params);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                    return TlsProbe.of(TlsProbe.Outcome.HANDSHAKE_FAILED, "服务器未出示证书");
                }
                return new TlsProbe(TlsProbe.Outcome.VALID, null, leaf.getNotAfter().toInstant(),
                        leaf.getSubjectX500Principal().getName());
            }
        } catch (SSLHandshakeException e) {
            return handshakeFailure(e);
        } catch (SSLException e) {
            // e.g. plain HTTP on the port: "Unsupported or unrecognized SSL message"
            return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, "该端口不是 HTTPS 服务");
        } catch (ConnectException e) {
            return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, FetchErrorKind.CONNECT_REFUSED.label());
        } catch (SocketTimeoutException e) {
            // connected, but no answer to our hello: something other than TLS waits for more (plain HTTP does)
            return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, "该端口未应答 TLS 握手（" + FetchErrorKind.READ_TIMEOUT.label() + "）");
        } catch (IOException | RuntimeException e) {
            return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, FetchErrorKind.IO_ERROR.label());
        }
    }

    Ipv6Probe ipv6(String host, int urlPort, Deadline deadline) {
        if (settings.proxyHost() != null) {
            return new Ipv6Probe(Ipv6Probe.Outcome.NOT_PROBED, List.of(), null, "经代理抓取，未直接探测 IPv6");
        }
        int port = overrides.port(host, urlPort);
        List<InetAddress> v6 = new ArrayList<>();
        try {
            for (InetAddress a : dns.guardedLookup(host, port, deadline)) {
                if (a instanceof Inet6Address && v6.size() < MAX_ADDRESSES) {
                    v6.add(a);
                }
            }
        } catch (FetchFailure f) {
            return new Ipv6Probe(Ipv6Probe.Outcome.NOT_PROBED, List.of(), null, f.kind().label());
        }
        List<String> shown = v6.stream().map(InetAddress::getHostAddress).toList();
        if (v6.isEmpty()) {
            return new Ipv6Probe(Ipv6Probe.Outcome.NO_AAAA, List.of(), null, "域名没有 IPv6 地址解析");
        }
        String failure = null;
        for (InetAddress a : v6) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(a, port), timeout(settings.connectTimeoutMs(), deadline));
                return new Ipv6Probe(Ipv6Probe.Outcome.CONNECTED, shown, a.getHostAddress(), null);
            } catch (ConnectException e) {
                failure = FetchErrorKind.CONNECT_REFUSED.label();
            } catch (SocketTimeoutException e) {
                failure = FetchErrorKind.CONNECT_TIMEOUT.label();
            } catch (IOException | RuntimeException e) {
                failure = "网络不可达";
            }
        }
        return new Ipv6Probe(Ipv6Probe.Outcome.UNREACHABLE, shown, null, failure);
    }

    /** What the certificate check refused, from the handshake's causes. */
    static TlsProbe handshakeFailure(SSLHandshakeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return TlsProbe.of(TlsProbe.Outcome.EXPIRED, "证书已过期");
            }
            if (t instanceof CertificateNotYetValidException) {
                return TlsProbe.of(TlsProbe.Outcome.EXPIRED, "证书尚未生效");
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return TlsProbe.of(TlsProbe.Outcome.EXPIRED, "证书已过期");
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.io.EOFException || message.contains("remote host terminated")) {
                // hung up on our hello before any certificate: something other than TLS listens there
                return TlsProbe.of(TlsProbe.Outcome.NO_HTTPS, "该端口未提供 HTTPS 服务（握手时连接被关闭）");
            }
            if (message.contains("no subject alternative") || message.contains("no name matching")) {
                return TlsProbe.of(TlsProbe.Outcome.NAME_MISMATCH, "证书与域名不符");
            }
            if (t instanceof CertPathBuilderException || message.contains("unable to find valid certification path")) {
                return TlsProbe.of(TlsProbe.Outcome.UNTRUSTED, "证书不受信任（自签名或证书链不完整）");
            }
        }
        return TlsProbe.of(TlsProbe.Outcome.HANDSHAKE_FAILED, "TLS 握手失败");
    }

    /** {@code ms}, but no more than what is left of the deadline (at least 1 ms: 0 means forever to a socket). */
    private static int timeout(long ms, Deadline deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos());
        return (int) Math.max(1, Math.min(ms, left));
    }
}
