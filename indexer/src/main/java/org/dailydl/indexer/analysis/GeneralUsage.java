package org.dailydl.indexer.analysis;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How common a Chinese word is in general usage, from the word frequencies of smartcn's own
 * dictionary (counts over a large general news corpus, the dictionary its segmenter decides with):
 * 问题 and 结果 are everyday words, 指针 and 梯度 are not. A small corpus cannot tell these apart by
 * its own document frequencies; this is the background. The dictionary class is not public, so it
 * is reached by reflection once; when that fails every word counts as rare (the background is then
 * neutral, never wrong). Thread-safe.
 */
public final class GeneralUsage {
  private static final GeneralUsage INSTANCE = new GeneralUsage();

  private final Object dictionary;
  private final Method frequency;
  private final Map<String, Integer> known = new ConcurrentHashMap<>();

  private GeneralUsage() {
    Object dict = null;
    Method freq = null;
    try {
      Class<?> type = Class.forName("org.apache.lucene.analysis.cn.smart.hhmm.WordDictionary");
      Method instance = type.getDeclaredMethod("getInstance");
      instance.setAccessible(true);
      dict = instance.invoke(null);
      freq = type.getDeclaredMethod("getFrequency", char[].class);
      freq.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      dict = null;
      freq = null;
    }
    this.dictionary = dict;
    this.frequency = freq;
  }

  public static GeneralUsage instance() {
    return INSTANCE;
  }

  /** Whether the dictionary could be read (false only if smartcn's internals changed). */
  public boolean isAvailable() {
    return frequency != null;
  }

  /** How often {@code word} occurs in the dictionary's corpus; 0 for words it does not list. */
  public int frequency(String word) {
    if (frequency == null || word.isEmpty()) {
      return 0;
    }
    return known.computeIfAbsent(word, w -> {
      try {
        return (Integer) frequency.invoke(dictionary, (Object) w.toCharArray());
      } catch (ReflectiveOperationException | RuntimeException e) {
        return 0;
      }
    });
  }
}
