package org.egovmonitor.errors;

import java.util.List;

/** 404: the named thing does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, message, List.of());
    }

    public static NotFoundException unit(String code) {
        return new NotFoundException("未找到单位：" + code);
    }
}
