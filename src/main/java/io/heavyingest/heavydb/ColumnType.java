package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TColumnType}: one column of a result or table.
 *
 * @param name column name
 * @param type its type
 * @param reservedKeyword whether the name is a reserved word
 * @param srcName source name (empty for tables)
 * @param system whether it is a system column
 * @param physical whether it is a physical (hidden) column
 * @param colId column id
 * @param defaultValue optional DEFAULT, null when absent
 * @param comment optional comment, null when absent
 */
public record ColumnType(String name, TypeInfo type, boolean reservedKeyword, String srcName, boolean system,
                         boolean physical, long colId, String defaultValue, String comment) {

    public static ColumnType read(TProtocol p) throws TException {
        String name = "";
        TypeInfo type = null;
        boolean reserved = false;
        String src = "";
        boolean system = false;
        boolean physical = false;
        long colId = 0;
        String def = null;
        String comment = null;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.STRING)) name = p.readString();
            else if (is(f, 2, TType.STRUCT)) type = TypeInfo.read(p);
            else if (is(f, 3, TType.BOOL)) reserved = p.readBool();
            else if (is(f, 4, TType.STRING)) src = p.readString();
            else if (is(f, 5, TType.BOOL)) system = p.readBool();
            else if (is(f, 6, TType.BOOL)) physical = p.readBool();
            else if (is(f, 7, TType.I64)) colId = p.readI64();
            else if (is(f, 8, TType.STRING)) def = p.readString();
            else if (is(f, 9, TType.STRING)) comment = p.readString();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        if (type == null) {
            throw new HeavyDbProtocolException("column " + name + " arrived without a type");
        }
        return new ColumnType(name, type, reserved, src, system, physical, colId, def, comment);
    }

}
