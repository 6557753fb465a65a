package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.ipam.AddressAllocator;
import io.netdock.testing.ApiClient;
import io.netdock.testing.RealKernel;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.ThrowawayNamespace;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ConcurrentLoadIT} in linux mode: 32 clients against netdock building real bridges, namespaces, veths and
 * nftables rules in a throwaway host namespace; afterwards the kernel holds exactly what the database says. 30
 * operations per client here ({@code -Dnetdock.load.kernel.operations=N} for more).
 */
@RealKernel
class ConcurrentLoadKernelIT {

    static final int OPERATIONS = Integer.getInteger("netdock.load.kernel.operations", 30);

    @RegisterExtension
    final ThrowawayNamespace host = new ThrowawayNamespace();

    @Test
    void manyClientsLeaveTheKernelAsTheDatabaseSays() throws Exception {
        try (RunningNetdock netdock = RunningNetdock.startIn(host.stateDirectory(), "--netdock.kernel.mode=linux",
                "--netdock.kernel.host-netns=" + host.name()); ApiClient api = ApiClient.tcp(netdock.port())) {
            MixedLoad.createSharedNetworks(api);
            MixedLoad.Result result = new MixedLoad(ConcurrentLoadIT.CLIENTS, OPERATIONS, 5, client -> api).run();
            System.out.println("concurrent load (linux): " + MixedLoad.describe(result));

            assertThat(MixedLoad.unexpected(result.kinds())).as("answers no client should get").isEmpty();
            assertThat(Invariants.ofSoleProcess(api, netdock.bean(DataSource.class),
                    netdock.bean(AddressAllocator.class))).isEmpty();
        }
    }
}
