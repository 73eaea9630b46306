package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SrgbTransferTest {

	@Test
	void decodesKnownValues() {
		assertEquals(0, SrgbTransfer.decode(0), 0);
		assertEquals(1, SrgbTransfer.decode(1), 1e-15);
		assertEquals(0.04045 / 12.92, SrgbTransfer.decode(0.04045), 1e-15);
		// ((0.5 + 0.055) / 1.055)^2.4
		assertEquals(0.21404114048223255, SrgbTransfer.decode(0.5), 1e-15);
		assertEquals(-0.01 / 12.92, SrgbTransfer.decode(-0.01), 1e-15);
	}

	@Test
	void encodeInvertsDecode() {
		for (int i = -20; i <= 1200; i++) {
			double v = i / 1000.0;
			assertEquals(v, SrgbTransfer.encode(SrgbTransfer.decode(v)), 1e-12, "v=" + v);
		}
	}

	@Test
	void curveIsContinuousAtTheSegmentJoin() {
		double below = SrgbTransfer.decode(0.04045);
		double above = SrgbTransfer.decode(Math.nextUp(0.04045));
		assertEquals(below, above, 1e-8);
	}

	@Test
	void byteTableMatchesDecode() {
		for (int k = 0; k < 256; k++) {
			assertEquals(SrgbTransfer.decode(k / 255.0), SrgbTransfer.decodeByte(k), 0);
		}
	}

	@Test
	void encodeToByteRoundsAndClamps() {
		for (int k = 0; k < 256; k++) {
			assertEquals(k, SrgbTransfer.encodeToByte(SrgbTransfer.decodeByte(k)));
		}
		Random random = new Random(1);
		for (int i = 0; i < 100_000; i++) {
			double linear = random.nextDouble() * 1.4 - 0.2;
			double encoded = Math.min(1, Math.max(0, SrgbTransfer.encode(linear)));
			assertEquals(Math.round(encoded * 255), SrgbTransfer.encodeToByte(linear), "linear=" + linear);
		}
		assertEquals(0, SrgbTransfer.encodeToByte(-5));
		assertEquals(255, SrgbTransfer.encodeToByte(5));
		assertEquals(0, SrgbTransfer.encodeToByte(Double.NaN));
	}
}
