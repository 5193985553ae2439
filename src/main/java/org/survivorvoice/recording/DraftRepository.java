package org.survivorvoice.recording;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

interface DraftRepository extends ReactiveMongoRepository<Draft, String> {

    Flux<Draft> findByOwnerOrderByUpdatedAtDesc(String owner);
}
