package io.activitytrail.flink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that collects into memory of the test JVM (the MiniCluster runs in it). Each instance
 * has its own list, so parallel tests do not mix their outputs.
 */
public final class CollectingSink<T> implements Sink<T> {
  private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();
  private final String id = UUID.randomUUID().toString();

  public CollectingSink() {
    COLLECTED.put(id, Collections.synchronizedList(new ArrayList<>()));
  }

  @SuppressWarnings("unchecked")
  public List<T> values() {
    synchronized (COLLECTED.get(id)) {
      return new ArrayList<>((List<T>) (List<?>) COLLECTED.get(id));
    }
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> target = COLLECTED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        target.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
