package io.netdock.ipam;

import io.netdock.error.DockerError;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Address leases in the database. The primary key (network, address) is what guarantees that no address is
 * handed out twice, also between two netdock processes sharing one PostgreSQL.
 */
@Repository
public class Leases {

    private final JdbcClient jdbc;

    public Leases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the lease; false when the address is already leased (by anyone): the primary key decides. */
    public boolean insert(Lease lease) {
        try {
            return jdbc.sql("insert into address_lease (network_id, address, owner_id) values (?, ?, ?)")
                    .params(lease.networkId(), IpAddresses.format(lease.address()), lease.ownerId())
                    .update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        } catch (DataIntegrityViolationException networkGone) {
            throw DockerError.notFound("network " + lease.networkId() + " not found");
        }
    }

    public List<Lease> ofNetwork(String networkId) {
        return jdbc.sql("select address, owner_id from address_lease where network_id = ?").param(networkId)
                .query((rs, row) -> new Lease(networkId, IpAddresses.parseOrNull(rs.getString(1)), rs.getString(2)))
                .list();
    }

    public List<Lease> ofOwner(String networkId, String ownerId) {
        return jdbc.sql("select address from address_lease where network_id = ? and owner_id = ?")
                .params(networkId, ownerId)
                .query((rs, row) -> new Lease(networkId, IpAddresses.parseOrNull(rs.getString(1)), ownerId))
                .list();
    }

    public boolean isLeased(String networkId, InetAddress address) {
        return jdbc.sql("select count(*) from address_lease where network_id = ? and address = ?")
                .params(networkId, IpAddresses.format(address)).query(Long.class).single() > 0;
    }

    public void delete(Lease lease) {
        jdbc.sql("delete from address_lease where network_id = ? and address = ? and owner_id = ?")
                .params(lease.networkId(), IpAddresses.format(lease.address()), lease.ownerId()).update();
    }

    /** Deletes every lease {@code ownerId} holds on the network. */
    public void deleteOwner(String networkId, String ownerId) {
        jdbc.sql("delete from address_lease where network_id = ? and owner_id = ?").params(networkId, ownerId).update();
    }

    public void deleteNetwork(String networkId) {
        jdbc.sql("delete from address_lease where network_id = ?").param(networkId).update();
    }
}
