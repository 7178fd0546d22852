package vn.lhpn.kehoach.account.service;

import java.security.SecureRandom;

/**
 * Temporary passwords an official can read off a sheet and type on a phone: 16 characters with
 * upper and lower case, digits and a sign, none of the look-alikes (0 O o, 1 l I), well over the
 * realm's policy (12 characters, each class).
 */
public final class Passwords {
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SIGNS = "@#%+=?!";
  private static final String ALL = UPPER + LOWER + DIGITS + SIGNS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String temporary() {
    char[] out = new char[16];
    out[0] = pick(UPPER);
    out[1] = pick(LOWER);
    out[2] = pick(DIGITS);
    out[3] = pick(SIGNS);
    for (int i = 4; i < out.length; i++) {
      out[i] = pick(ALL);
    }
    for (int i = out.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }

  private static char pick(String from) {
    return from.charAt(RANDOM.nextInt(from.length()));
  }
}
