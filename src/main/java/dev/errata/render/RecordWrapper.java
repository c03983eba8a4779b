package dev.errata.render;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Freemarker's object wrapper, but a public record is read through its components directly.
 * The stock wrapper reads a record as a bean: every {@code ${e.title}} goes through
 * {@code Method.invoke}, which walks the stack to check the caller, a cost paid on every value
 * of every page. Here each component is read
 * by a function made once per record class. Templates see the same names as before, but a
 * record is only its components (no {@code e.hashCode()}); a record this class may not read falls
 * back to the bean view.
 */
final class RecordWrapper extends DefaultObjectWrapper {
  private static final ClassValue<Map<String, Function<Object, Object>>> COMPONENTS = new ClassValue<>() {
    @Override
    protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
      return readers(type);
    }
  };

  RecordWrapper() {
    super(Configuration.VERSION_2_3_34);
  }

  @Override
  protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
    if (obj instanceof Record) {
      Map<String, Function<Object, Object>> components = COMPONENTS.get(obj.getClass());
      if (components != null) {
        return new RecordModel(obj, components, this);
      }
    }
    return super.handleUnknownType(obj);
  }

  /** One function per component of a record class; null when this class may not read them. */
  private static Map<String, Function<Object, Object>> readers(Class<?> type) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    Map<String, Function<Object, Object>> out = new LinkedHashMap<>();
    try {
      for (RecordComponent c : type.getRecordComponents()) {
        MethodHandle getter = lookup.unreflect(c.getAccessor());
        @SuppressWarnings("unchecked")
        Function<Object, Object> f = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
            MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), getter,
            getter.type().wrap()).getTarget().invokeExact();
        out.put(c.getName(), f);
      }
    } catch (IllegalAccessException e) {
      // A record this class may not read (private to another package, say) is still a bean.
      return null;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read the components of " + type, e);
    }
    return out;
  }

  /** A record as a hash of its components. */
  private static final class RecordModel implements TemplateHashModelEx, AdapterTemplateModel, WrapperTemplateModel {
    private final Object record;
    private final Map<String, Function<Object, Object>> components;
    private final RecordWrapper wrapper;

    RecordModel(Object record, Map<String, Function<Object, Object>> components, RecordWrapper wrapper) {
      this.record = record;
      this.components = components;
      this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Function<Object, Object> f = components.get(key);
      if (f == null) {
        return null;
      }
      Object value = f.apply(record);
      // Most components are Strings: wrapped here as the wrapper would, but without its chain of
      // interface tests, which the C1 compiler runs as a scan of each class's interfaces.
      return value instanceof String s ? new SimpleScalar(s) : wrapper.wrap(value);
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public int size() {
      return components.size();
    }

    @Override
    public TemplateCollectionModel keys() {
      return new SimpleCollection(components.keySet(), wrapper);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
      List<Object> values = new ArrayList<>();
      for (Function<Object, Object> f : components.values()) {
        values.add(f.apply(record));
      }
      return new SimpleCollection(values, wrapper);
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
      return record;
    }

    @Override
    public Object getWrappedObject() {
      return record;
    }
  }
}
