package com.engagementorchestrator.client;

import java.util.Locale;

/**
 * The forms of a phone number, an e-mail domain and a website by which an earlier client is recognised: "+7 (495)
 * 123-45-67" and "8 495 1234567" are one phone, "https://www.vector.ru/about" and "vector.ru" one website.
 */
public final class ContactKeys {

    private ContactKeys() {
    }

    /** The last ten digits (a national number without its country prefix); null when too short to identify anyone. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return null;
        }
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    public static String emailDomain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    public static String websiteHost(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = website.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceFirst("^www\\.", "");
        host = host.split("[/?#:]", 2)[0];
        return host.isEmpty() ? null : host;
    }
}
