package org.dailydl.server.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small least-recently-used cache. Thread-safe (one lock; lookups are tiny next to a search). */
final class ResultCache<K, V> {
  private final Map<K, V> map;

  ResultCache(int capacity) {
    this.map = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized V get(K key) {
    return map.get(key);
  }

  synchronized void put(K key, V value) {
    map.put(key, value);
  }
}
