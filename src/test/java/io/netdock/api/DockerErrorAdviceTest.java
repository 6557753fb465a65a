package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class DockerErrorAdviceTest {

    private final DockerErrorAdvice advice = new DockerErrorAdvice();

    @Test
    void unexpectedFailuresKeepTheirInternalsInTheLog() {
        var sql = advice.unexpected(new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into container (id, name) values (?, ?)]; Value too long"));
        var npe = advice.unexpected(new NullPointerException(
                "Cannot invoke \"java.net.InetAddress.getAddress()\" because \"address\" is null"));

        assertThat(sql.getStatusCode().value()).isEqualTo(500);
        assertThat(sql.getBody().message()).isEqualTo("internal error in netdock (its log has the details)");
        assertThat(npe.getBody().message()).isEqualTo("internal error in netdock (its log has the details)");
    }

    @Test
    void kernelFailuresSayWhatFailed() {
        var kernel = advice.unexpected(KernelException.of("create veth veth1a2b3c4 → br-0123456789ab", Errno.EEXIST));

        assertThat(kernel.getStatusCode().value()).isEqualTo(500);
        assertThat(kernel.getBody().message()).isEqualTo("create veth veth1a2b3c4 → br-0123456789ab: File exists");
    }
}
