package io.netdock.network.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"NetworksDeleted": [names]}}, or {@code null} when nothing was deleted (as Docker). */
record NetworkPruneResponse(@JsonProperty("NetworksDeleted") List<String> networksDeleted) {
}
