package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.heavyingest.heavydb.Vectors.SESSION;
import static io.heavyingest.heavydb.Vectors.bytes;
import static io.heavyingest.heavydb.Vectors.encode;
import static io.heavyingest.heavydb.Vectors.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every golden message: calls encode to exactly its bytes, replies decode to exactly the documented values. */
class HeavyRpcVectorsTest {
    private static final String QUERY = "SELECT trade_date, strategy, pnl FROM strategy_pnl ORDER BY trade_date LIMIT 3";
    private static final long JAN_04 = 1704326400L;
    private static final long JAN_11 = 1704931200L;

    // ---- calls ----

    @Test
    void connectCall_encoded_shouldEqualVector01() throws TException {
        assertThat(encode(p -> HeavyRpc.writeConnect(p, 1, "admin", "HyperInteractive", "heavyai")))
                .isEqualTo(bytes("01_connect_call.bin"));
    }

    @Test
    void sqlExecuteCall_encoded_shouldEqualVector03() throws TException {
        assertThat(encode(p -> HeavyRpc.writeSqlExecute(p, 2, SESSION, QUERY, true, "n-1", -1, -1)))
                .isEqualTo(bytes("03_sql_execute_call.bin"));
    }

    @Test
    void loadColumnarCall_encoded_shouldEqualVector06WithOnlyTheFilledLists() throws TException {
        List<LoadColumn> columns = List.of(
                LoadColumn.longs("trade_date", new long[] {JAN_04, JAN_11}, null),
                LoadColumn.strings("strategy", List.of("SENSEX 1000-1100 SL7%", "SENSEX 1132-1332 SL73%TP42%")),
                LoadColumn.doubles("pnl", new double[] {325.7650000000006, -0.5}, new boolean[2]));
        assertThat(encode(p -> HeavyRpc.writeLoadColumnar(p, 4, SESSION, "strategy_pnl_stage", columns)))
                .isEqualTo(bytes("06_load_columnar_call.bin"));
    }

    @Test
    void disconnectCall_encoded_shouldEqualVector12() throws TException {
        assertThat(encode(p -> HeavyRpc.writeDisconnect(p, 9, SESSION))).isEqualTo(bytes("12_disconnect_call.bin"));
    }

    @Test
    void getTableDetailsCall_encoded_shouldEqualVector13() throws TException {
        assertThat(encode(p -> HeavyRpc.writeGetTableDetails(p, 5, SESSION, "strategy_pnl")))
                .isEqualTo(bytes("13_get_table_details_call.bin"));
    }

    @Test
    void getMemoryCall_encoded_shouldEqualVector14() throws TException {
        assertThat(encode(p -> HeavyRpc.writeGetMemory(p, 6, SESSION, "gpu"))).isEqualTo(bytes("14_get_memory_call.bin"));
    }

    @Test
    void getServerStatusCall_encoded_shouldEqualVector15() throws TException {
        assertThat(encode(p -> HeavyRpc.writeGetServerStatus(p, 7, SESSION)))
                .isEqualTo(bytes("15_get_server_status_call.bin"));
    }

    @Test
    void getHardwareInfoCall_encoded_shouldEqualVector16() throws TException {
        assertThat(encode(p -> HeavyRpc.writeGetHardwareInfo(p, 8, SESSION)))
                .isEqualTo(bytes("16_get_hardware_info_call.bin"));
    }

    @Test
    void sqlExecuteNopeCall_encoded_shouldEqualVector17() throws TException {
        assertThat(encode(p -> HeavyRpc.writeSqlExecute(p, 3, SESSION, "SELECT * FROM nope", true, "n-2", -1, -1)))
                .isEqualTo(bytes("17_sql_execute_nope_call.bin"));
    }

    // ---- replies ----

    @Test
    void connectReply_decoded_shouldBeTheSession() throws TException {
        assertThat(HeavyRpc.readConnectReply(reader("02_connect_reply.bin"), 1)).isEqualTo(SESSION);
        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.CONNECT, 1, TType.STRING, () -> p.writeString(SESSION))))
                .isEqualTo(bytes("02_connect_reply.bin"));
    }

    @Test
    void sqlExecuteReply_decoded_shouldHoldTypedColumnsWithNulls() throws TException {
        QueryResult r = HeavyRpc.readSqlExecuteReply(reader("04_sql_execute_reply.bin"), 2);

        assertThat(r.executionMillis()).isEqualTo(12);
        assertThat(r.totalMillis()).isEqualTo(15);
        assertThat(r.nonce()).isEqualTo("n-1");
        assertThat(r.debug()).isEmpty();
        assertThat(r.success()).isTrue();
        assertThat(r.queryType()).isEqualTo(QueryResult.READ);
        assertThat(r.columnar()).isTrue();
        assertThat(r.rowDesc()).isEqualTo(expectedColumnTypes());
        assertThat(r.rowCount()).isEqualTo(3);

        ResultColumn.Ints dates = (ResultColumn.Ints) r.column("trade_date");
        assertThat(dates.values()).containsExactly(JAN_04, JAN_04, JAN_11);
        assertThat(dates.nulls()).containsExactly(false, false, false);
        ResultColumn.Strings names = (ResultColumn.Strings) r.column("strategy");
        assertThat(names.values()).containsExactly("SENSEX 1000-1100 SL7%", "SENSEX 916-946 SL63%TP27%", "");
        assertThat(names.nulls()).containsExactly(false, false, true);
        ResultColumn.Reals pnl = (ResultColumn.Reals) r.column("pnl");
        assertThat(pnl.values()).containsExactly(325.7650000000006, -1843.648249999998, 0.0);
        assertThat(pnl.nulls()).containsExactly(false, false, true);

        // written back the way the server writes it: every unused list present and empty
        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.SQL_EXECUTE, 2, TType.STRUCT, () -> ReplyEncoders.write(p, r))))
                .isEqualTo(bytes("04_sql_execute_reply.bin"));
    }

    @Test
    void sqlExecuteExceptionReply_decoded_shouldRaiseServerErrorWithItsMessage() throws TException {
        TProtocol p = reader("05_sql_execute_exception_reply.bin");
        assertThatThrownBy(() -> HeavyRpc.readSqlExecuteReply(p, 3))
                .isInstanceOfSatisfying(HeavyDbServerException.class, e -> {
                    assertThat(e.errorMessage()).isEqualTo("Table or view 'nope' does not exist.");
                    assertThat(e.method()).isEqualTo("sql_execute");
                });
        assertThat(encode(q -> ServerReplies.writeError(q, HeavyRpc.SQL_EXECUTE, 3, "Table or view 'nope' does not exist.")))
                .isEqualTo(bytes("05_sql_execute_exception_reply.bin"));
    }

    @Test
    void loadColumnarReply_decoded_shouldBeAVoidSuccess() throws TException {
        TProtocol p = reader("07_load_columnar_reply.bin");
        HeavyRpc.readVoidReply(p, HeavyRpc.LOAD_COLUMNAR, 4);
        assertThat(p.getTransport().getBytesRemainingInBuffer()).isZero();
        assertThat(encode(q -> ServerReplies.writeReply(q, HeavyRpc.LOAD_COLUMNAR, 4, TType.VOID, null)))
                .isEqualTo(bytes("07_load_columnar_reply.bin"));
    }

    @Test
    void tableDetailsReply_decoded_shouldHoldFragmentPageAndEncodings() throws TException {
        TableDetails d = HeavyRpc.readTableDetailsReply(reader("08_get_table_details_reply.bin"), 5);

        assertThat(d.rowDesc()).isEqualTo(expectedColumnTypes());
        assertThat(d.fragmentSize()).isEqualTo(127_720);
        assertThat(d.pageSize()).isEqualTo(2_097_152);
        assertThat(d.maxRows()).isEqualTo(1L << 62);
        assertThat(d.viewSql()).isEmpty();
        assertThat(d.shardCount()).isZero();
        assertThat(d.keyMetainfo()).isEqualTo("[]");
        assertThat(d.temporary()).isFalse();
        assertThat(d.partitionDetail()).isZero();
        assertThat(d.tableType()).isZero();
        assertThat(d.refreshInfo()).isEqualTo(new TableDetails.RefreshInfo(0, 0, "", 0, 0, "", ""));
        assertThat(d.shardedColumnName()).isEmpty();
        assertThat(d.comment()).isNull();
        assertThat(d.rowDesc().get(0).type().encodingClause()).isEqualTo("DAYS(32)");
        assertThat(d.rowDesc().get(1).type().encodingClause()).isEqualTo("DICT(16)");
        assertThat(d.rowDesc().get(2).type().encodingClause()).isEqualTo("NONE");

        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.GET_TABLE_DETAILS, 5, TType.STRUCT, () -> ReplyEncoders.write(p, d))))
                .isEqualTo(bytes("08_get_table_details_reply.bin"));
    }

    @Test
    void memoryReply_decoded_shouldHoldOneNodeWithTwoSegments() throws TException {
        List<NodeMemoryInfo> nodes = HeavyRpc.readMemoryReply(reader("09_get_memory_reply.bin"), 6);

        assertThat(nodes).hasSize(1);
        NodeMemoryInfo n = nodes.get(0);
        assertThat(n.hostName()).isEmpty();
        assertThat(n.pageSize()).isEqualTo(2_097_152);
        assertThat(n.maxNumPages()).isEqualTo(8192);
        assertThat(n.numPagesAllocated()).isEqualTo(4096);
        assertThat(n.allocationCapped()).isFalse();
        assertThat(n.nodeMemoryData()).hasSize(2);
        NodeMemoryInfo.MemoryData used = n.nodeMemoryData().get(0);
        assertThat(List.of(used.slab(), (long) used.startPage(), used.numPages(), (long) used.touch(),
                (long) used.bufferEpoch())).containsExactly(0L, 0L, 10L, 3L, 0L);
        assertThat(used.chunkKey()).containsExactly(1, 2, 3, 0);
        assertThat(used.free()).isFalse();
        NodeMemoryInfo.MemoryData free = n.nodeMemoryData().get(1);
        assertThat(List.of(free.slab(), (long) free.startPage(), free.numPages(), (long) free.touch(),
                (long) free.bufferEpoch())).containsExactly(0L, 10L, 4086L, 0L, 0L);
        assertThat(free.chunkKey()).isEmpty();
        assertThat(free.free()).isTrue();
        assertThat(n.usedBytes()).isEqualTo(10L * 2_097_152);

        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.GET_MEMORY, 6, TType.LIST,
                () -> ThriftFields.structListBody(p, nodes, ReplyEncoders::write))))
                .isEqualTo(bytes("09_get_memory_reply.bin"));
    }

    @Test
    void serverStatusReply_decoded_shouldHoldVersionAndHost() throws TException {
        ServerStatus s = HeavyRpc.readServerStatusReply(reader("10_get_server_status_reply.bin"), 7);

        assertThat(s).isEqualTo(new ServerStatus(false, "8.1.0-20241205-92bcb05fa8", false, 1_764_000_000L, "os",
                "heavydb-1", false, 0, "", ""));
        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.GET_SERVER_STATUS, 7, TType.STRUCT, () -> ReplyEncoders.write(p, s))))
                .isEqualTo(bytes("10_get_server_status_reply.bin"));
    }

    @Test
    void hardwareInfoReply_decoded_shouldHoldOneGpu() throws TException {
        List<HardwareInfo> nodes = HeavyRpc.readHardwareInfoReply(reader("11_get_hardware_info_reply.bin"), 8);

        assertThat(nodes).containsExactly(new HardwareInfo((short) 1, (short) 16, (short) 1, (short) 0, "heavydb-1",
                List.of(new HardwareInfo.Gpu(132, 1_980_000L, 85_899_345_920L, (short) 9, (short) 0))));
        assertThat(encode(p -> ServerReplies.writeReply(p, HeavyRpc.GET_HARDWARE_INFO, 8, TType.STRUCT,
                () -> ReplyEncoders.writeCluster(p, nodes))))
                .isEqualTo(bytes("11_get_hardware_info_reply.bin"));
    }

    @Test
    void disconnectReply_decoded_shouldBeAVoidSuccess() throws TException {
        TProtocol p = reader("18_disconnect_reply.bin");
        HeavyRpc.readVoidReply(p, HeavyRpc.DISCONNECT, 9);
        assertThat(p.getTransport().getBytesRemainingInBuffer()).isZero();
        assertThat(encode(q -> ServerReplies.writeReply(q, HeavyRpc.DISCONNECT, 9, TType.VOID, null)))
                .isEqualTo(bytes("18_disconnect_reply.bin"));
    }

    @Test
    void reply_withAnotherSequenceId_shouldRaiseProtocolError() throws TException {
        TProtocol p = reader("02_connect_reply.bin");
        assertThatThrownBy(() -> HeavyRpc.readConnectReply(p, 2))
                .isInstanceOf(HeavyDbProtocolException.class)
                .hasMessageContaining("#2");
    }

    @Test
    void vectorCopies_hashed_shouldMatchThePublishedChecksums() throws Exception {
        String[] fileAndSha256 = {
            "01_connect_call.bin", "d639108267e48bb95154dd1bfc54788b7b1c122077be4f8a7338ea3f7f0b47d7",
            "02_connect_reply.bin", "4832316ce9ef93d8f5d5b1aeacc315eba74792a16db215799b60ef76d9a41c4f",
            "03_sql_execute_call.bin", "271e13e5edf46cfec533ff42ee87592599a095f46f811783844cf10ad4787039",
            "04_sql_execute_reply.bin", "c7227772587628e62082b8b7d06c01a849a108e37aa7f41b92ece4c36e0dd39a",
            "05_sql_execute_exception_reply.bin", "e43c7ce8da420f773ee4c7a4db57bf64562cd6df040265f1ba116b5174182ebb",
            "06_load_columnar_call.bin", "26d234b22e52d1afa291194092fa3cb032306e80c065295b5a0a55adc7b9ee2b",
            "07_load_columnar_reply.bin", "b6996afd2caf7e0bf3afbead1cb5f095b2a6809e5163793d0519fc74f2fc0e36",
            "08_get_table_details_reply.bin", "884eddfed582b70870ccdbdc7e7c072afe011f6a0029d7f719d1a65c31ea2e91",
            "09_get_memory_reply.bin", "6b450f6945529498d648bbb61218c480703c481c653ba9e289f83ca43baf78fd",
            "10_get_server_status_reply.bin", "5766e44cc87b26225820fb410e90634aa862fcbb08fa877206a95b73b875b226",
            "11_get_hardware_info_reply.bin", "e2577cfc43d30c6529ed8e83c301f7bf1b2d950baf5e8d271b396e1ac63be14f",
            "12_disconnect_call.bin", "39c40d89450192053635117d99f312ae7480a3301e835a769f729fe4704818fc",
            "13_get_table_details_call.bin", "7d1af68593a02d953d33d11261143c8fd0351c2c52d99d60ea10814394967e57",
            "14_get_memory_call.bin", "4f60ecc4d63645fee8648bd4ec313b6a067dbb9f8cd807e538248f8cfb7e9d15",
            "15_get_server_status_call.bin", "8c0b290339b10b44a894251907c60459646b9f16515b04f78f01b6a0da740883",
            "16_get_hardware_info_call.bin", "bb9e74f3ec3c7b4b80c2231c33bf8ba9438443d5455a1895003544d7756531ff",
            "17_sql_execute_nope_call.bin", "85b8d84d3f08c62117e89cf400e45c29bb8230068d593bdf2f30f70c232cef2f",
            "18_disconnect_reply.bin", "f1901958426bff778d1a9640da9a8b8614d301c06600a9c11997d349ebbe1538"};
        for (int i = 0; i < fileAndSha256.length; i += 2) {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes(fileAndSha256[i]));
            assertThat(java.util.HexFormat.of().formatHex(digest)).as(fileAndSha256[i]).isEqualTo(fileAndSha256[i + 1]);
        }
    }

    private static List<ColumnType> expectedColumnTypes() {
        return List.of(
                new ColumnType("trade_date", new TypeInfo(DatumType.DATE, EncodingType.DATE_IN_DAYS, true, false, 0, 0,
                        32, 4), false, "", false, false, 1, null, null),
                new ColumnType("strategy", new TypeInfo(DatumType.STR, EncodingType.DICT, true, false, 0, 0, 16, null),
                        false, "", false, false, 2, null, null),
                new ColumnType("pnl", new TypeInfo(DatumType.DOUBLE, EncodingType.NONE, true, false, 0, 0, 0, null),
                        false, "", false, false, 3, null, null));
    }
}
