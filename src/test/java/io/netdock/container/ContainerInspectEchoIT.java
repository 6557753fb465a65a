package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inspect shows every {@code Config} and {@code HostConfig} field as the client sent it at create, as Docker does,
 * also those netdock does not act on; Docker's defaults where the client sent nothing (observed on the reference
 * dockerd 20.10 for the same requests).
 */
class ContainerInspectEchoIT extends WholeApplication {

    private static final String SENT = """
            {"Image":"busybox:latest","Cmd":["sh"],"Volumes":{"/data":{}},"Shell":["/bin/sh","-c"],
             "Healthcheck":{"Test":["CMD","true"],"Interval":1000000000},"OnBuild":["RUN x"],
             "HostConfig":{"CapAdd":["NET_ADMIN"],"CapDrop":["MKNOD"],
               "Devices":[{"PathOnHost":"/dev/null","PathInContainer":"/dev/xnull","CgroupPermissions":"rwm"}],
               "PidMode":"host","IpcMode":"host","UTSMode":"host","Privileged":true,"ReadonlyRootfs":true,
               "Ulimits":[{"Name":"nofile","Hard":2048,"Soft":1024}],"PidsLimit":100,"Tmpfs":{"/run":"rw,size=1m"},
               "NanoCpus":1500000000,"ShmSize":134217728,"Memory":67108864,"Sysctls":{"net.ipv4.ip_forward":"1"},
               "Binds":["/tmp:/hosttmp"],"GroupAdd":["10"],"OomScoreAdj":5,"SecurityOpt":["no-new-privileges"],
               "ConsoleSize":[3,4],"Init":true,"LogConfig":{"Type":"json-file","Config":{"max-size":"1m"}}}}
            """;

    @Test
    void everyFieldComesBackAsSent() {
        api().contentType("application/json").body(SENT).post("/containers/create?name=echo-all")
                .then().statusCode(201);

        JsonPath inspect = api().get("/containers/echo-all/json").then().statusCode(200).extract().jsonPath();

        Map<String, Object> host = inspect.getMap("HostConfig");
        assertThat(host).containsEntry("CapAdd", List.of("NET_ADMIN")).containsEntry("CapDrop", List.of("MKNOD"))
                .containsEntry("Devices", List.of(Map.of("PathOnHost", "/dev/null", "PathInContainer", "/dev/xnull",
                        "CgroupPermissions", "rwm")))
                .containsEntry("PidMode", "host").containsEntry("IpcMode", "host").containsEntry("UTSMode", "host")
                .containsEntry("Privileged", true).containsEntry("ReadonlyRootfs", true)
                .containsEntry("Ulimits", List.of(Map.of("Name", "nofile", "Hard", 2048, "Soft", 1024)))
                .containsEntry("PidsLimit", 100).containsEntry("Tmpfs", Map.of("/run", "rw,size=1m"))
                .containsEntry("NanoCpus", 1500000000).containsEntry("ShmSize", 134217728)
                .containsEntry("Memory", 67108864).containsEntry("MemorySwap", 134217728)
                .containsEntry("Sysctls", Map.of("net.ipv4.ip_forward", "1"))
                .containsEntry("Binds", List.of("/tmp:/hosttmp")).containsEntry("GroupAdd", List.of("10"))
                .containsEntry("OomScoreAdj", 5).containsEntry("SecurityOpt", List.of("no-new-privileges"))
                .containsEntry("ConsoleSize", List.of(3, 4)).containsEntry("Init", true)
                .containsEntry("LogConfig", Map.of("Type", "json-file", "Config", Map.of("max-size", "1m")));
        Map<String, Object> config = inspect.getMap("Config");
        assertThat(config).containsEntry("Volumes", Map.of("/data", Map.of()))
                .containsEntry("Shell", List.of("/bin/sh", "-c")).containsEntry("OnBuild", List.of("RUN x"))
                .containsEntry("Healthcheck", Map.of("Test", List.of("CMD", "true"), "Interval", 1000000000));
        // Go's field order: the echoed fields sit where dockerd writes them
        assertThat(List.copyOf(config.keySet())).containsSubsequence("Cmd", "Healthcheck", "Image", "Volumes",
                "WorkingDir", "Entrypoint", "OnBuild", "Labels", "Shell");
        assertThat(List.copyOf(host.keySet())).containsSubsequence("CgroupParent", "BlkioWeight", "Devices",
                "PidsLimit", "Ulimits", "IOMaximumBandwidth", "MaskedPaths", "ReadonlyPaths", "Init");
    }

    @Test
    void dockersDefaultsWhereNothingWasSent() {
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\",\"Cmd\":[\"sh\"]}")
                .post("/containers/create?name=echo-none").then().statusCode(201);

        String body = api().get("/containers/echo-none/json").then().statusCode(200).extract().asString();
        Map<String, Object> host = JsonPath.from(body).getMap("HostConfig");

        assertThat(host).containsEntry("CapAdd", null).containsEntry("CapDrop", null)
                .containsEntry("Devices", null).containsEntry("PidMode", "").containsEntry("Ulimits", null)
                .containsEntry("PidsLimit", null).containsEntry("NanoCpus", 0).containsEntry("ShmSize", 67108864)
                .containsEntry("MemorySwap", 0).containsEntry("MemorySwappiness", null)
                .containsEntry("OomKillDisable", false).containsEntry("IpcMode", "private")
                .containsEntry("ConsoleSize", List.of(0, 0)).containsEntry("BlkioWeightDevice", null)
                .doesNotContainKeys("Tmpfs", "Sysctls", "Init", "Mounts", "Annotations", "KernelMemory");
        assertThat(JsonPath.from(body).getMap("Config")).containsEntry("Volumes", null).containsEntry("OnBuild", null)
                .doesNotContainKeys("Healthcheck", "Shell", "ArgsEscaped", "NetworkDisabled");
    }

    /**
     * dockerd leaves a PidsLimit of 0 or less and a MemorySwappiness of -1 unset, shows Volumes sent empty as null,
     * leaves empty omitempty fields out and keeps other empty lists (observed on 20.10).
     */
    @Test
    void unsettingValuesAreShownUnset() {
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\",\"Volumes\":{},\"OnBuild\":[],"
                + "\"Shell\":[],\"HostConfig\":{\"PidsLimit\":0,\"MemorySwappiness\":-1,\"ShmSize\":0,\"Tmpfs\":{},"
                + "\"CapAdd\":[]}}")
                .post("/containers/create?name=echo-unset").then().statusCode(201);

        JsonPath inspect = api().get("/containers/echo-unset/json").then().statusCode(200).extract().jsonPath();

        assertThat(inspect.getMap("HostConfig")).containsEntry("PidsLimit", null)
                .containsEntry("MemorySwappiness", null).containsEntry("ShmSize", 67108864)
                .containsEntry("CapAdd", List.of()).doesNotContainKey("Tmpfs");
        assertThat(inspect.getMap("Config")).containsEntry("Volumes", null).containsEntry("OnBuild", List.of())
                .doesNotContainKey("Shell");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedAsGoWould() {
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\",\"HostConfig\":{\"PidMode\":5}}")
                .post("/containers/create?name=echo-bad").then().statusCode(400)
                .body("message", equalTo("invalid JSON: json: cannot unmarshal number into Go struct field "
                        + "HostConfig.HostConfig.PidMode of type container.PidMode"));
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\",\"HostConfig\":{\"Ulimits\":{}}}")
                .post("/containers/create?name=echo-bad").then().statusCode(400)
                .body("message", equalTo("invalid JSON: json: cannot unmarshal object into Go struct field "
                        + "HostConfig.HostConfig.Ulimits of type []*units.Ulimit"));
        api().get("/containers/echo-bad/json").then().statusCode(404);
    }

    /** What the docker CLI sends for {@code docker create --cap-add … --shm-size …} comes back in its inspect. */
    @Test
    void theCliSeesWhatItSet() {
        DockerCli docker = new DockerCli(socket());
        docker.ok("create", "--name", "echo-cli", "--cap-add", "NET_ADMIN", "--pids-limit", "100", "--shm-size",
                "128m", "--cpus", "1.5", "--tmpfs", "/run:rw,size=1m", "--ulimit", "nofile=1024:2048", "--pid", "host",
                "busybox:latest", "sh");

        String shown = docker.ok("inspect", "--format",
                "{{.HostConfig.CapAdd}} {{.HostConfig.PidsLimit}} {{.HostConfig.ShmSize}} {{.HostConfig.NanoCpus}} "
                        + "{{.HostConfig.Tmpfs}} {{.HostConfig.Ulimits}} {{.HostConfig.PidMode}}", "echo-cli");

        assertThat(shown).isEqualTo("[CAP_NET_ADMIN] 100 134217728 1500000000 map[/run:rw,size=1m] [map[Hard:2048 Name:nofile Soft:1024]] host");
    }
}
