/*
 * SPDX-License-Identifier: GPL-2.0
 *
 * The gpioclx test board's GPIO side for an ACPI boot of the arm64 QEMU
 * virt board (make qemu-acpi): a secondary table that QEMU's own tables
 * do not have, loaded by the kernel from the initramfs (ACPI table
 * upgrade, tools/qemu/acpi.sh).
 *
 * GCL0 is the simulated GPIO controller (driver gpio-clx-sim, ID
 * GCLX0001): its properties in _DSD, with the device-properties UUID, and
 * its output on a spare GIC SPI, 200, which is GSI 232 (SPIs 48-111 are
 * QEMU's PCI MSIs, 112-175 its platform bus). The GIC forgets the pending
 * bit the model sets once the interrupt is taken, so the controller says
 * linux,parent-pending-latched, as on the device tree board.
 *
 * Each consumer (driver gpio-clx-sample, ID GCLX0002) has one GpioInt on
 * GCL0: one combination of trigger, polarity, sharing, wake, pull and
 * debounce each (Documentation/porting.rst, "The ACPI side"). The test
 * guest (tools/qemu/guest/init.sh) knows each by its name and checks what
 * the kernel made of it. Two banks of eight pins:
 *
 *   ERIS  pin 0   Edge   ActiveHigh  Exclusive         PullDown
 *   EFAL  pin 1   Edge   ActiveLow   Exclusive         PullUp
 *   EBTH  pin 2   Edge   ActiveBoth  Exclusive         PullNone
 *   LHIG  pin 3   Level  ActiveHigh  Exclusive         PullDown
 *   LSHA  pin 4   Level  ActiveLow   Shared            PullUp
 *   LSHB  pin 4   Level  ActiveLow   Shared            PullUp
 *   LLOW  pin 5   Level  ActiveLow   Exclusive         PullDefault
 *   EWAK  pin 8   Edge   ActiveLow   ExclusiveAndWake  PullUp
 *   LWAK  pin 9   Level  ActiveLow   SharedAndWake     PullUp
 *   EDEB  pin 10  Edge   ActiveLow   Exclusive         PullUp, 5 ms debounce
 *   LDUP  pin 3   Level  ActiveHigh  Shared            PullDown
 *
 * LDUP asks for LHIG's pin, which LHIG holds exclusively: its driver must
 * be refused the interrupt (-EBUSY), and LHIG keep it to itself. BADP
 * names pin 40 of a 16-pin controller: its probe must fail with one line.
 *
 *   BADP  pin 40  Edge   ActiveLow   Exclusive         PullUp
 *
 * GCL1 is a second simulated controller, a passive-level one: it sits
 * behind a (simulated) slow bus, so the core serves it from threads, and
 * it has neither both-edge detection nor debounce in hardware, so the core
 * emulates both. Its parent is GSI 233 (SPI 201). One bank of eight pins:
 *
 *   PBTH  pin 0   Edge   ActiveBoth  Exclusive         PullNone
 *   PDEB  pin 1   Edge   ActiveLow   Exclusive         PullUp, 2 ms debounce
 *   PLVL  pin 2   Level  ActiveHigh  Exclusive         PullDown
 *
 * The debounce timeout is in units of 10 us: 500 is 5 ms.
 *
 * GCL0's _AEI makes two pins GPIO-signaled ACPI events, which gpiolib
 * requests when the controller registers:
 *
 *   pin 15  Edge   ActiveHigh  Exclusive         PullDown  _E0F notifies GNTF
 *                                       (1 ms debounce)
 *   pin 14  Level  ActiveHigh  ExclusiveAndWake  PullDown  _L0E acknowledges
 *                                                          GLVL, notifies it
 *
 * GNTF and GLVL (ID GCLX0003, driver gpio-clx-acpi-notify) count the
 * notifications they receive. GLVL is also the level event's source: its
 * interrupt output is wired to pin 14 (its _DSD says so), it latches until
 * a write of 0 to its register STAT (an operation region in the platform's
 * address space 0x80, which the driver serves) clears it. _L0E reads STAT
 * and, when it is set, clears it and notifies, as a firmware's method
 * checks its device before it acknowledges it. gpiolib runs _Lxx with the pin masked and unmasks it after:
 * the method must clear the source, or it runs again at once.
 */
DefinitionBlock ("", "SSDT", 2, "GPIOCX", "GCLXBRD", 0x00000001)
{
	Scope (\_SB)
	{
		Device (GCL0)
		{
			Name (_HID, "GCLX0001")
			Name (_UID, Zero)
			Name (_CRS, ResourceTemplate ()
			{
				Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive)
				{
					232
				}
			})
			Name (_DSD, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package () { "ngpios", 16 },
					Package () { "linux,pins-per-bank", 8 },
					Package () { "linux,parent-pending-latched", One },
					Package ()
					{
						"gpio-line-names",
						Package ()
						{
							"RISE", "FALL", "BOTH", "LEVEL_HIGH",
							"LEVEL_SHARED", "LEVEL_LOW", "", "",
							"WAKE_EDGE", "WAKE_LEVEL", "DEBOUNCED", "",
							"", "", "LEVEL_EVENT", "EVENT"
						}
					}
				}
			})
			Name (_AEI, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveHigh, Exclusive, PullDown, 100,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					15
				}
				GpioInt (Level, ActiveHigh, ExclusiveAndWake, PullDown,
					 0, "\\_SB.GCL0", 0, ResourceConsumer)
				{
					14
				}
			})
			Method (_E0F, 0, NotSerialized)
			{
				Notify (\_SB.GNTF, 0x80)
			}
			Method (_L0E, 0, NotSerialized)
			{
				If (\_SB.GLVL.STAT)
				{
					\_SB.GLVL.STAT = Zero
					Notify (\_SB.GLVL, 0x80)
				}
			}
		}

		Device (GCL1)
		{
			Name (_HID, "GCLX0001")
			Name (_UID, One)
			Name (_CRS, ResourceTemplate ()
			{
				Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive)
				{
					233
				}
			})
			Name (_DSD, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package () { "ngpios", 8 },
					Package () { "linux,pins-per-bank", 8 },
					Package () { "linux,parent-pending-latched", One },
					Package () { "linux,bus-attached", One },
					Package () { "linux,no-hw-both-edges", One },
					Package () { "linux,no-hw-debounce", One },
					Package ()
					{
						"gpio-line-names",
						Package ()
						{
							"BOTH", "DEBOUNCED", "LEVEL_HIGH", "",
							"", "", "", ""
						}
					}
				}
			})
		}

		Device (GNTF)
		{
			Name (_HID, "GCLX0003")
			Name (_UID, Zero)
		}

		Device (GLVL)
		{
			Name (_HID, "GCLX0003")
			Name (_UID, One)
			Name (_DSD, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package ()
					{
						"linux,interrupt-wire",
						Package () { \_SB.GCL0, 14 }
					}
				}
			})
			OperationRegion (DREG, 0x80, Zero, One)
			Field (DREG, ByteAcc, NoLock, Preserve)
			{
				STAT,   8
			}
		}

		Device (ERIS)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, One)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveHigh, Exclusive, PullDown, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					0
				}
			})
		}

		Device (EFAL)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 2)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveLow, Exclusive, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					1
				}
			})
		}

		Device (EBTH)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 3)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveBoth, Exclusive, PullNone, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					2
				}
			})
		}

		Device (LHIG)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 4)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveHigh, Exclusive, PullDown, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					3
				}
			})
		}

		Device (LSHA)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 5)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveLow, Shared, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					4
				}
			})
		}

		Device (LSHB)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 6)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveLow, Shared, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					4
				}
			})
		}

		Device (LLOW)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 7)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveLow, Exclusive, PullDefault, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					5
				}
			})
		}

		Device (EWAK)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 8)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveLow, ExclusiveAndWake, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					8
				}
			})
		}

		Device (LWAK)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 9)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveLow, SharedAndWake, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					9
				}
			})
		}

		Device (LDUP)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 11)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveHigh, Shared, PullDown, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					3
				}
			})
		}

		Device (BADP)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 15)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveLow, Exclusive, PullUp, 0,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					40
				}
			})
		}

		Device (PBTH)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 12)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveBoth, Exclusive, PullNone, 0,
					 "\\_SB.GCL1", 0, ResourceConsumer)
				{
					0
				}
			})
		}

		Device (PDEB)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 13)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveLow, Exclusive, PullUp, 200,
					 "\\_SB.GCL1", 0, ResourceConsumer)
				{
					1
				}
			})
		}

		Device (PLVL)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 14)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Level, ActiveHigh, Exclusive, PullDown, 0,
					 "\\_SB.GCL1", 0, ResourceConsumer)
				{
					2
				}
			})
		}

		Device (EDEB)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 10)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveLow, Exclusive, PullUp, 500,
					 "\\_SB.GCL0", 0, ResourceConsumer)
				{
					10
				}
			})
		}
	}
}
