package org.survivorvoice.response;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ResponseRepository extends ReactiveMongoRepository<Response, String> {

    Flux<Response> findByInstrumentId(String instrumentId, Pageable page);

    Mono<Long> countByInstrumentId(String instrumentId);

    Flux<Response> findAllBy(Pageable page);

    Mono<Response> findByReference(String reference);
}
