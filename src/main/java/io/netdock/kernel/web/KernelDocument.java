package io.netdock.kernel.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.kernel.KernelView;
import java.util.List;

/** The kernel view in the API's PascalCase, each link also labelled as {@code ip link} shows it. */
record KernelDocument(@JsonProperty("Mode") String mode,
                      @JsonProperty("Namespaces") List<Namespace> namespaces,
                      @JsonProperty("Ruleset") String ruleset) {

    static KernelDocument of(KernelView view) {
        return new KernelDocument(view.mode(), view.namespaces().stream().map(Namespace::of).toList(), view.ruleset());
    }

    record Namespace(@JsonProperty("Name") String name,
                     @JsonProperty("Links") List<Link> links,
                     @JsonProperty("Addresses") List<String> addresses,
                     @JsonProperty("Routes") List<String> routes,
                     @JsonProperty("Ruleset") String ruleset) {

        static Namespace of(KernelView.NamespaceView view) {
            return new Namespace(view.name(), view.links().stream().map(Link::of).toList(), view.addresses(),
                    view.routes(), view.ruleset());
        }
    }

    record Link(@JsonProperty("Index") int index,
                @JsonProperty("Name") String name,
                @JsonProperty("Label") String label,
                @JsonProperty("Kind") String kind,
                @JsonProperty("PeerIndex") int peerIndex,
                @JsonProperty("Master") String master,
                @JsonProperty("MacAddress") String macAddress,
                @JsonProperty("Mtu") int mtu,
                @JsonProperty("Up") boolean up) {

        static Link of(KernelView.LinkView view) {
            return new Link(view.index(), view.name(), view.label(), view.kind(), view.peerIndex(), view.master(),
                    view.macAddress(), view.mtu(), view.up());
        }
    }
}
