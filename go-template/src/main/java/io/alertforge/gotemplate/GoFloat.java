package io.alertforge.gotemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * strconv.FormatFloat for float64, which fmt builds on: formats 'e', 'E', 'f', 'g', 'G', 'b', 'x',
 * 'X', with a precision, or -1 for the shortest digits that read back as the same float.
 *
 * <p>Decimal digits come from the exact binary value through {@link BigDecimal}, rounded half to
 * even as Go rounds; Java 17's {@link Double#toString} is not always shortest, so it is not used.
 */
final class GoFloat {

  private static final int MANT_BITS = 52;
  private static final int BIAS = -1023;

  /** Decimal digits {@code 0.d[0]d[1]... x 10^dp} without trailing zeros; zero has no digits. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }

    char at(int i) {
      return d.charAt(i);
    }
  }

  private GoFloat() {}

  static String format(double v, char fmt, int prec) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) (bits >>> MANT_BITS) & 0x7FF;
    long mant = bits & ((1L << MANT_BITS) - 1);
    if (exp == 0x7FF) {
      return mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
    }
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << MANT_BITS;
    }
    exp += BIAS;
    if (fmt == 'b') {
      return formatBinary(neg, mant, exp);
    }
    if (fmt == 'x' || fmt == 'X') {
      return formatHex(prec, fmt, neg, mant, exp);
    }
    BigDecimal exact = new BigDecimal(Math.abs(v));
    boolean shortest = prec < 0;
    Digits digits;
    if (shortest) {
      digits = shortestDigits(Math.abs(v), exact);
      prec =
          switch (fmt) {
            case 'e', 'E' -> Math.max(digits.nd() - 1, 0);
            case 'f' -> Math.max(digits.nd() - digits.dp(), 0);
            default -> digits.nd();
          };
    } else if (fmt == 'f') {
      digits =
          digitsOf(exact.scale() > prec ? exact.setScale(prec, RoundingMode.HALF_EVEN) : exact);
    } else {
      if ((fmt == 'g' || fmt == 'G') && prec == 0) {
        prec = 1;
      }
      int significant = fmt == 'e' || fmt == 'E' ? prec + 1 : prec;
      digits =
          digitsOf(
              exact.precision() > significant
                  ? exact.round(new MathContext(significant, RoundingMode.HALF_EVEN))
                  : exact);
    }
    return formatDigits(new StringBuilder(24), shortest, neg, digits, prec, fmt).toString();
  }

  /** The fewest digits that read back as {@code v}, the nearest to its exact value among those. */
  private static Digits shortestDigits(double v, BigDecimal exact) {
    if (v == 0) {
      return new Digits("", 0);
    }
    for (int n = 1; ; n++) {
      BigDecimal nearest = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == v) {
        return digitsOf(nearest);
      }
      // Just above a power of two the interval that reads back is lopsided: the nearest n-digit
      // decimal may miss it while the one on the other side of v hits it.
      RoundingMode away = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal other = exact.round(new MathContext(n, away));
      if (other.doubleValue() == v) {
        return digitsOf(other);
      }
    }
  }

  private static Digits digitsOf(BigDecimal value) {
    if (value.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String d = stripped.unscaledValue().toString();
    return new Digits(d, d.length() - stripped.scale());
  }

  private static StringBuilder formatDigits(
      StringBuilder dst, boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
    switch (fmt) {
      case 'e', 'E':
        return formatE(dst, neg, digs, prec, fmt);
      case 'f':
        return formatF(dst, neg, digs, prec);
      default:
        {
          int eprec = prec;
          if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
            eprec = digs.nd();
          }
          // %e is used if the exponent from the conversion is less than -4 or greater than or equal
          // to the precision; shortest formatting decides as if the precision were 6.
          if (shortest) {
            eprec = 6;
          }
          int exp = digs.dp() - 1;
          if (exp < -4 || exp >= eprec) {
            if (prec > digs.nd()) {
              prec = digs.nd();
            }
            return formatE(dst, neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
          }
          if (prec > digs.dp()) {
            prec = digs.nd();
          }
          return formatF(dst, neg, digs, Math.max(prec - digs.dp(), 0));
        }
    }
  }

  /** -d.dddde±dd */
  private static StringBuilder formatE(
      StringBuilder dst, boolean neg, Digits d, int prec, char fmt) {
    if (neg) {
      dst.append('-');
    }
    dst.append(d.nd() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      dst.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        dst.append(d.d(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        dst.append('0');
      }
    }
    dst.append(fmt);
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    dst.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      dst.append('0');
    }
    return dst.append(exp);
  }

  /** -ddddd.dddd */
  private static StringBuilder formatF(StringBuilder dst, boolean neg, Digits d, int prec) {
    if (neg) {
      dst.append('-');
    }
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      dst.append(d.d(), 0, m);
      for (; m < d.dp(); m++) {
        dst.append('0');
      }
    } else {
      dst.append('0');
    }
    if (prec > 0) {
      dst.append('.');
      for (int i = 0; i < prec; i++) {
        int j = d.dp() + i;
        dst.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
      }
    }
    return dst;
  }

  /** -ddddp±ddd: the integer mantissa and binary exponent. */
  private static String formatBinary(boolean neg, long mant, int exp) {
    exp -= MANT_BITS;
    return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
  }

  /** -0x1.yyyyp±dd, with the fraction cut to {@code prec} hex digits when it is not negative. */
  private static String formatHex(int prec, char fmt, boolean neg, long mant, int exp) {
    if (mant == 0) {
      exp = 0;
    }
    // Shift so that the leading 1, if any, is at bit 60.
    mant <<= 60 - MANT_BITS;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > 1L << 59) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    StringBuilder dst = new StringBuilder(24);
    if (neg) {
      dst.append('-');
    }
    dst.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      dst.append('.');
      while (mant != 0) {
        dst.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      dst.append('.');
      for (int i = 0; i < prec; i++) {
        dst.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    dst.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      dst.append('0');
    }
    return dst.append(exp).toString();
  }
}
