package org.survivorvoice.account;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface AccountRepository extends ReactiveMongoRepository<Account, String> {

    Mono<Boolean> existsByRole(Role role);

    Flux<Account> findAllByOrderByUsernameAsc();
}
