package io.alertforge.compiler.source;

/** Strict UTF-8 checking that says where the first bad byte is, which the JDK decoder does not. */
final class Utf8 {

  private Utf8() {}

  static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }

  /** The index of the first byte that is not well-formed UTF-8, or -1. */
  static int firstInvalidByte(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + length > bytes.length) {
        return i;
      }
      int codePoint = b & (0xff >> (length + 1));
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k] & 0xff;
        if ((next & 0xC0) != 0x80) {
          return i;
        }
        codePoint = (codePoint << 6) | (next & 0x3f);
      }
      if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /** 1-based line and column (in bytes) of a byte offset. */
  static int[] lineAndColumn(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
