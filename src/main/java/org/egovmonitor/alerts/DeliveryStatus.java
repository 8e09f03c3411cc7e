package org.egovmonitor.alerts;

/** Where a message stands. PENDING, HELD, DIGEST and RETRYING wait for their due time; the rest are final. */
public enum DeliveryStatus {
    PENDING("待发送"),
    HELD("静默时段暂缓"),
    DIGEST("待每日汇总"),
    RETRYING("等待重试"),
    SENT("已发送"),
    FAILED("发送失败"),
    CANCELLED("已取消");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
