package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TTypeInfo}: a column's type as the server stores it.
 *
 * @param type {@code TDatumType} (see {@link DatumType})
 * @param encoding {@code TEncodingType} (see {@link EncodingType})
 * @param nullable whether NULLs are allowed
 * @param isArray whether the column is an array
 * @param precision DECIMAL precision, or TIMESTAMP precision
 * @param scale DECIMAL scale
 * @param compParam encoding parameter: dictionary bits for DICT, 16 or 32 for DATE in days
 * @param size optional storage size in bytes, null when the server left it out
 */
public record TypeInfo(int type, int encoding, boolean nullable, boolean isArray, int precision, int scale,
                       int compParam, Integer size) {

    public static TypeInfo read(TProtocol p) throws TException {
        int type = 0;
        int encoding = 0;
        boolean nullable = false;
        boolean isArray = false;
        int precision = 0;
        int scale = 0;
        int compParam = 0;
        Integer size = null;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.I32)) type = p.readI32();
            else if (is(f, 2, TType.BOOL)) nullable = p.readBool();
            else if (is(f, 3, TType.BOOL)) isArray = p.readBool();
            else if (is(f, 4, TType.I32)) encoding = p.readI32();
            else if (is(f, 5, TType.I32)) precision = p.readI32();
            else if (is(f, 6, TType.I32)) scale = p.readI32();
            else if (is(f, 7, TType.I32)) compParam = p.readI32();
            else if (is(f, 8, TType.I32)) size = p.readI32();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new TypeInfo(type, encoding, nullable, isArray, precision, scale, compParam, size);
    }

    /** The SQL type name, for example {@code DATE} or {@code TEXT}. */
    public String typeName() {
        return DatumType.name(type);
    }

    /** The encoding as written in DDL: {@code DICT(16)}, {@code DAYS(32)}, {@code NONE}, ... */
    public String encodingClause() {
        return EncodingType.clause(encoding, compParam);
    }
}
