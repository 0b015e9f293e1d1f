package io.alertforge.wql;

import java.util.Locale;

/**
 * The binary operators of WQL, from the loosest binding to the tightest. {@code and}, {@code or}
 * and the comparisons return 0 or 1 for series; in a selector ({@code ts(...)}) {@code and} and
 * {@code or} combine metric names and filters.
 */
public enum BinaryOperator {
  OR("or", 1, Category.BOOLEAN),
  AND("and", 2, Category.BOOLEAN),
  GREATER(">", 4, Category.COMPARISON),
  GREATER_OR_EQUAL(">=", 4, Category.COMPARISON),
  LESS("<", 4, Category.COMPARISON),
  LESS_OR_EQUAL("<=", 4, Category.COMPARISON),
  EQUAL("=", 4, Category.COMPARISON),
  NOT_EQUAL("!=", 4, Category.COMPARISON),
  ADD("+", 5, Category.ARITHMETIC),
  SUBTRACT("-", 5, Category.ARITHMETIC),
  MULTIPLY("*", 6, Category.ARITHMETIC),
  DIVIDE("/", 6, Category.ARITHMETIC),
  MODULO("%", 6, Category.ARITHMETIC),
  POWER("^", 7, Category.ARITHMETIC);

  /** What an operator does, for readers that care about comparisons only. */
  public enum Category {
    BOOLEAN,
    COMPARISON,
    ARITHMETIC
  }

  /** Precedence of the prefix {@code not}: between {@code and} and the comparisons. */
  public static final int NOT_PRECEDENCE = 3;

  /** Precedence of prefix {@code -} and {@code +}: above every binary operator. */
  public static final int SIGN_PRECEDENCE = 8;

  private final String symbol;
  private final int precedence;
  private final Category category;

  BinaryOperator(String symbol, int precedence, Category category) {
    this.symbol = symbol;
    this.precedence = precedence;
    this.category = category;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  public Category category() {
    return category;
  }

  public boolean isComparison() {
    return category == Category.COMPARISON;
  }

  /** {@code ^} groups from the right ({@code 2 ^ 3 ^ 2} is {@code 2 ^ (3 ^ 2)}), the rest left. */
  public boolean rightAssociative() {
    return this == POWER;
  }

  /** The operator with this symbol ({@code and}, {@code AND}, {@code >=}), or null. */
  static BinaryOperator ofSymbol(String symbol) {
    String lower = symbol.toLowerCase(Locale.ROOT);
    for (BinaryOperator operator : values()) {
      if (operator.symbol.equals(lower)) {
        return operator;
      }
    }
    return null;
  }
}
