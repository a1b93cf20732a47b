package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

import java.util.ArrayList;
import java.util.List;

/**
 * Field-level helpers for writing and reading the hand-declared structs. Only ids and types travel on the wire,
 * so field names are left empty.
 */
public final class ThriftFields {
    private ThriftFields() {
    }

    /** Reads one struct element; used for lists of structs. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(TProtocol p) throws TException;
    }

    /** Writes one struct element; used for lists of structs. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(TProtocol p, T value) throws TException;
    }

    public static void begin(TProtocol p, byte type, int id) throws TException {
        p.writeFieldBegin(new TField("", type, (short) id));
    }

    public static void string(TProtocol p, int id, String value) throws TException {
        begin(p, TType.STRING, id);
        p.writeString(value);
        p.writeFieldEnd();
    }

    /** Writes an optional string: nothing when {@code value} is null. */
    public static void optionalString(TProtocol p, int id, String value) throws TException {
        if (value != null) {
            string(p, id, value);
        }
    }

    public static void bool(TProtocol p, int id, boolean value) throws TException {
        begin(p, TType.BOOL, id);
        p.writeBool(value);
        p.writeFieldEnd();
    }

    public static void i16(TProtocol p, int id, short value) throws TException {
        begin(p, TType.I16, id);
        p.writeI16(value);
        p.writeFieldEnd();
    }

    public static void i32(TProtocol p, int id, int value) throws TException {
        begin(p, TType.I32, id);
        p.writeI32(value);
        p.writeFieldEnd();
    }

    public static void i64(TProtocol p, int id, long value) throws TException {
        begin(p, TType.I64, id);
        p.writeI64(value);
        p.writeFieldEnd();
    }

    public static <T> void structList(TProtocol p, int id, List<T> values, Writer<T> writer) throws TException {
        begin(p, TType.LIST, id);
        p.writeListBegin(new TList(TType.STRUCT, values.size()));
        for (T v : values) {
            writer.write(p, v);
        }
        p.writeListEnd();
        p.writeFieldEnd();
    }

    /** Writes a list of structs without a field header (a list-typed return value). */
    public static <T> void structListBody(TProtocol p, List<T> values, Writer<T> writer) throws TException {
        p.writeListBegin(new TList(TType.STRUCT, values.size()));
        for (T v : values) {
            writer.write(p, v);
        }
        p.writeListEnd();
    }

    public static void stringList(TProtocol p, int id, List<String> values) throws TException {
        begin(p, TType.LIST, id);
        p.writeListBegin(new TList(TType.STRING, values.size()));
        for (String v : values) {
            p.writeString(v);
        }
        p.writeListEnd();
        p.writeFieldEnd();
    }

    public static void i64List(TProtocol p, int id, long[] values) throws TException {
        begin(p, TType.LIST, id);
        p.writeListBegin(new TList(TType.I64, values.length));
        for (long v : values) {
            p.writeI64(v);
        }
        p.writeListEnd();
        p.writeFieldEnd();
    }

    /** Writes a struct: {@code body} writes the fields, this adds the stop byte. */
    public static void struct(TProtocol p, Body body) throws TException {
        p.writeStructBegin(null);
        body.write();
        p.writeFieldStop();
        p.writeStructEnd();
    }

    /** The fields of a struct being written. */
    @FunctionalInterface
    public interface Body {
        void write() throws TException;
    }

    public static <T> List<T> readStructList(TProtocol p, Reader<T> reader) throws TException {
        TList list = p.readListBegin();
        List<T> out = new ArrayList<>(list.size);
        for (int i = 0; i < list.size; i++) {
            out.add(reader.read(p));
        }
        p.readListEnd();
        return out;
    }

    public static List<String> readStringList(TProtocol p) throws TException {
        TList list = p.readListBegin();
        List<String> out = new ArrayList<>(list.size);
        for (int i = 0; i < list.size; i++) {
            out.add(p.readString());
        }
        p.readListEnd();
        return out;
    }

    public static long[] readI64List(TProtocol p) throws TException {
        TList list = p.readListBegin();
        long[] out = new long[list.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.readI64();
        }
        p.readListEnd();
        return out;
    }

    public static double[] readDoubleList(TProtocol p) throws TException {
        TList list = p.readListBegin();
        double[] out = new double[list.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.readDouble();
        }
        p.readListEnd();
        return out;
    }

    public static boolean[] readBoolList(TProtocol p) throws TException {
        TList list = p.readListBegin();
        boolean[] out = new boolean[list.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.readBool();
        }
        p.readListEnd();
        return out;
    }

    /** The next field of a struct being read, or null at its stop byte. */
    public static TField next(TProtocol p) throws TException {
        TField f = p.readFieldBegin();
        return f.type == TType.STOP ? null : f;
    }

    /** Whether {@code f} is field {@code id} with the declared type; a field of another type is skipped. */
    public static boolean is(TField f, int id, byte type) {
        return f.id == id && f.type == type;
    }

    /** Skips a field this client does not declare (or declares with another type), then ends it. */
    public static void skip(TProtocol p, TField f) throws TException {
        TProtocolUtil.skip(p, f.type);
    }
}
