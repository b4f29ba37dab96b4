package io.trawl.starter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that refuse a number outside its option's range while the command line is parsed, so
 * {@code --limit=-1} or {@code --port=99999} ends in one usage line naming the option and exit 2
 * before any server, database or worker starts. Every numeric option names one of them as its
 * {@code converter}; {@code CommandTreeWalkTest} checks that none is left without.
 */
public final class NumberRanges {
  private NumberRanges() {}

  /** The bounds a converter enforces, readable by tests walking the command tree. */
  public abstract static class Range<T> implements ITypeConverter<T> {
    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean whole;

    protected Range(long min, long max) {
      this(BigDecimal.valueOf(min), BigDecimal.valueOf(max), true);
    }

    protected Range(BigDecimal min, BigDecimal max, boolean whole) {
      this.min = min;
      this.max = max;
      this.whole = whole;
    }

    public BigDecimal min() {
      return min;
    }

    public BigDecimal max() {
      return max;
    }

    @Override
    public T convert(String text) {
      BigDecimal value;
      try {
        value = new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "'" + text + "' is not " + (whole ? "a whole number" : "a number"));
      }
      if (whole && value.stripTrailingZeros().scale() > 0) {
        throw new TypeConversionException("'" + text + "' is not a whole number");
      }
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new TypeConversionException(
            "must be "
                + (max.compareTo(LONG_MAX) >= 0 || max.compareTo(INT_MAX) == 0
                    ? min.toPlainString() + " or more"
                    : "within " + min.toPlainString() + ".." + max.toPlainString())
                + ", got "
                + text);
      }
      return of(value);
    }

    protected abstract T of(BigDecimal value);
  }

  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** A whole number within bounds of a command's own, e.g. days of history within 1..366. */
  public abstract static class IntRange extends Range<Integer> {
    protected IntRange(int min, int max) {
      super(min, max);
    }

    @Override
    protected Integer of(BigDecimal value) {
      return value.intValueExact();
    }
  }

  /** A whole number within bounds that may pass an int's, e.g. a row id. */
  public abstract static class LongRange extends Range<Long> {
    protected LongRange(long min, long max) {
      super(min, max);
    }

    @Override
    protected Long of(BigDecimal value) {
      return value.longValueExact();
    }
  }

  /** Counts, limits, days: 1 or more. */
  public static final class PositiveInt extends IntRange {
    public PositiveInt() {
      super(1, Integer.MAX_VALUE);
    }
  }

  /** Counts where none is meaningful: 0 or more. */
  public static final class NonNegativeInt extends IntRange {
    public NonNegativeInt() {
      super(0, Integer.MAX_VALUE);
    }
  }

  /** Row ids and seeds: 1 or more. */
  public static final class PositiveLong extends LongRange {
    public PositiveLong() {
      super(1, Long.MAX_VALUE);
    }
  }

  /** Sizes and seeds where zero is allowed: 0 or more. */
  public static final class NonNegativeLong extends LongRange {
    public NonNegativeLong() {
      super(0, Long.MAX_VALUE);
    }
  }

  /** A TCP port to listen on: 1..65535. */
  public static final class Port extends IntRange {
    public Port() {
      super(1, 65_535);
    }
  }

  /** A share of a whole: 0 to 1, e.g. the share of records a bench changes. */
  public static final class Fraction extends Range<Double> {
    public Fraction() {
      super(BigDecimal.ZERO, BigDecimal.ONE, false);
    }

    @Override
    protected Double of(BigDecimal value) {
      return value.doubleValue();
    }
  }

  /** Money in USD: 0 or more, with cents. */
  public static final class Usd extends Range<BigDecimal> {
    public Usd() {
      super(BigDecimal.ZERO, new BigDecimal("1000000000"), false);
    }

    @Override
    protected BigDecimal of(BigDecimal value) {
      return value;
    }
  }

  /** The range {@code arg} enforces, if its converter is one of these. */
  public static Optional<Range<?>> of(ArgSpec arg) {
    return Arrays.stream(arg.converters())
        .filter(Range.class::isInstance)
        .<Range<?>>map(Range.class::cast)
        .findFirst();
  }
}
