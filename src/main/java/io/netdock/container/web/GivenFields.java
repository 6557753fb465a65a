package io.netdock.container.web;

import io.netdock.go.GoStruct;
import io.netdock.go.GoStruct.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of Docker's {@code container.Config} and {@code container.HostConfig} that netdock does not act on but
 * keeps as the client sent them, so that inspect shows them back as Docker does: each with its Go type, whose JSON
 * shape is checked at create as Go's decoder would.
 */
final class GivenFields {

    private record Field(Shape shape, String goType) {
    }

    private static final Map<String, Field> CONFIG = new LinkedHashMap<>();
    private static final Map<String, Field> HOST_CONFIG = new LinkedHashMap<>();

    static {
        CONFIG.put("Healthcheck", new Field(Shape.OBJECT, "container.HealthConfig"));
        CONFIG.put("ArgsEscaped", new Field(Shape.BOOL, "bool"));
        CONFIG.put("Volumes", new Field(Shape.OBJECT, "map[string]struct {}"));
        CONFIG.put("NetworkDisabled", new Field(Shape.BOOL, "bool"));
        CONFIG.put("OnBuild", new Field(Shape.STRINGS, "[]string"));
        CONFIG.put("Shell", new Field(Shape.STRING_OR_STRINGS, "strslice.StrSlice"));

        text(HOST_CONFIG, "ContainerIDFile", "VolumeDriver", "CgroupParent", "CpusetCpus", "CpusetMems");
        HOST_CONFIG.put("CgroupnsMode", new Field(Shape.STRING, "container.CgroupnsMode"));
        HOST_CONFIG.put("IpcMode", new Field(Shape.STRING, "container.IpcMode"));
        HOST_CONFIG.put("Cgroup", new Field(Shape.STRING, "container.CgroupSpec"));
        HOST_CONFIG.put("PidMode", new Field(Shape.STRING, "container.PidMode"));
        HOST_CONFIG.put("UTSMode", new Field(Shape.STRING, "container.UTSMode"));
        HOST_CONFIG.put("UsernsMode", new Field(Shape.STRING, "container.UsernsMode"));
        HOST_CONFIG.put("Isolation", new Field(Shape.STRING, "container.Isolation"));
        strings(HOST_CONFIG, "Binds", "VolumesFrom", "GroupAdd", "SecurityOpt", "DeviceCgroupRules", "MaskedPaths",
                "ReadonlyPaths");
        HOST_CONFIG.put("CapAdd", new Field(Shape.STRING_OR_STRINGS, "strslice.StrSlice"));
        HOST_CONFIG.put("CapDrop", new Field(Shape.STRING_OR_STRINGS, "strslice.StrSlice"));
        numbers(HOST_CONFIG, "ShmSize", "CpuShares", "Memory", "NanoCpus", "CpuPeriod", "CpuQuota",
                "CpuRealtimePeriod", "CpuRealtimeRuntime", "KernelMemory", "KernelMemoryTCP", "MemoryReservation",
                "MemorySwap", "MemorySwappiness", "PidsLimit", "CpuCount", "CpuPercent");
        HOST_CONFIG.put("OomScoreAdj", new Field(Shape.INTEGER, "int"));
        HOST_CONFIG.put("BlkioWeight", new Field(Shape.INTEGER, "uint16"));
        HOST_CONFIG.put("IOMaximumIOps", new Field(Shape.INTEGER, "uint64"));
        HOST_CONFIG.put("IOMaximumBandwidth", new Field(Shape.INTEGER, "uint64"));
        HOST_CONFIG.put("BlkioWeightDevice", new Field(Shape.OBJECTS, "[]*blkiodev.WeightDevice"));
        for (String name : new String[] {"BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
                "BlkioDeviceWriteIOps"}) {
            HOST_CONFIG.put(name, new Field(Shape.OBJECTS, "[]*blkiodev.ThrottleDevice"));
        }
        HOST_CONFIG.put("Devices", new Field(Shape.OBJECTS, "[]container.DeviceMapping"));
        HOST_CONFIG.put("DeviceRequests", new Field(Shape.OBJECTS, "[]container.DeviceRequest"));
        HOST_CONFIG.put("Ulimits", new Field(Shape.OBJECTS, "[]*units.Ulimit"));
        HOST_CONFIG.put("Mounts", new Field(Shape.OBJECTS, "[]mount.Mount"));
        for (String name : new String[] {"Annotations", "StorageOpt", "Tmpfs", "Sysctls"}) {
            HOST_CONFIG.put(name, new Field(Shape.STRING_MAP, "map[string]string"));
        }
        for (String name : new String[] {"Privileged", "ReadonlyRootfs", "OomKillDisable", "Init"}) {
            HOST_CONFIG.put(name, new Field(Shape.BOOL, "bool"));
        }
        HOST_CONFIG.put("LogConfig", new Field(Shape.OBJECT, "container.LogConfig"));
        HOST_CONFIG.put("ConsoleSize", new Field(Shape.INTEGERS, "[2]uint"));
    }

    private GivenFields() {
    }

    /** The kept {@code Config} fields present in {@code config} (the create body), by Docker's name. */
    static Map<String, Object> config(GoStruct config) {
        return read(config, CONFIG);
    }

    /** The kept {@code HostConfig} fields present in {@code host}, by Docker's name. */
    static Map<String, Object> hostConfig(GoStruct host) {
        return read(host, HOST_CONFIG);
    }

    private static Map<String, Object> read(GoStruct struct, Map<String, Field> fields) {
        Map<String, Object> given = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object value = struct.value(name, field.shape(), field.goType());
            if (value != null) {
                given.put(name, value);
            }
        });
        return given;
    }

    private static void text(Map<String, Field> fields, String... names) {
        for (String name : names) {
            fields.put(name, new Field(Shape.STRING, "string"));
        }
    }

    private static void strings(Map<String, Field> fields, String... names) {
        for (String name : names) {
            fields.put(name, new Field(Shape.STRINGS, "[]string"));
        }
    }

    private static void numbers(Map<String, Field> fields, String... names) {
        for (String name : names) {
            fields.put(name, new Field(Shape.INTEGER, "int64"));
        }
    }
}
