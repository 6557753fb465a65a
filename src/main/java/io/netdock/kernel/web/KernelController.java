package io.netdock.kernel.web;

import io.netdock.kernel.KernelView;
import io.netdock.kernel.Plumbing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /netdock/kernel}: what exists in the kernel, read back, the same shape in both modes. */
@RestController
class KernelController {

    private final Plumbing plumbing;

    KernelController(Plumbing plumbing) {
        this.plumbing = plumbing;
    }

    @GetMapping("/netdock/kernel")
    KernelDocument kernel() {
        return KernelDocument.of(plumbing.view());
    }
}
