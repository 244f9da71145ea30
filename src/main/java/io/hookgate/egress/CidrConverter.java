package io.hookgate.egress;

import org.eclipse.microprofile.config.spi.Converter;

/** Converts one {@code hookgate.egress.allow-cidrs} entry; a bad entry fails startup with its message. */
public final class CidrConverter implements Converter<Cidr> {

    @Override
    public Cidr convert(String value) {
        return Cidr.parse(value);
    }
}
