package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Locale;
import org.egovmonitor.crawler.parse.EntryPageFinder;
import org.egovmonitor.crawler.parse.UrlNormalizer;

/**
 * Which hosts a government page may point at without a finding: the site itself (its host or registered domain, as
 * the crawler judges "same site"), hosts under a government suffix ({@code gov.cn}), and hosts listed as data. A
 * listed host covers its subdomains ({@code cnzz.com} covers {@code s4.cnzz.com}). Package-private.
 */
final class HostPolicy {

    private final List<String> suffixes;
    private final List<String> hosts;

    HostPolicy(List<String> governmentSuffixes, List<String> listedHosts) {
        this.suffixes = lower(governmentSuffixes);
        this.hosts = lower(listedHosts);
    }

    private static List<String> lower(List<String> list) {
        return list.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether {@code url} (absolute) is fine on the pages of the site at {@code siteUrl}/{@code homepageUrl}. */
    boolean allowed(CheckInput in, String url) {
        String host = UrlNormalizer.host(url);
        if (host == null) {
            return true; // not a place anyone can be sent to
        }
        if (EntryPageFinder.sameSite(in.siteUrl(), url)
                || in.homepageUrl() != null && EntryPageFinder.sameSite(in.homepageUrl(), url)) {
            return true;
        }
        return covered(host, suffixes) || covered(host, hosts);
    }

    /** Whether {@code host} is one of {@code names} or a subdomain of one. */
    static boolean covered(String host, List<String> names) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String n : names) {
            if (h.equals(n) || h.endsWith("." + n)) {
                return true;
            }
        }
        return false;
    }
}
